import { defineMessages } from '../core/i18n.ts';

export const storeLockMessages = defineMessages('storeLock', {
  en: {
    locked:
      'the data directory {dir} is in use by Verity process {pid} on {host} ({command}, since {since}): a second process would corrupt it. Stop that process first, or use the web app or the API of the running server',
    lockedAt:
      'the data directory {dir} is in use by the Verity server, process {pid} on {host}, at {url} (since {since}): a second process would corrupt it. Stop the server first, or use the web app or the API at {url}',
    unreadable: 'the data directory {dir} holds a lock file ({file}) that cannot be read ({reason}); if no Verity process uses the directory, remove the file',
    busy: 'the data directory {dir} is being opened by another process right now; try again',
  },
  ru: {
    locked:
      'каталог данных {dir} занят процессом Verity {pid} на {host} ({command}, с {since}): второй процесс повредил бы данные. Сначала остановите тот процесс или воспользуйтесь веб-приложением либо API работающего сервера',
    lockedAt:
      'каталог данных {dir} занят сервером Verity, процесс {pid} на {host}, адрес {url} (с {since}): второй процесс повредил бы данные. Сначала остановите сервер или воспользуйтесь веб-приложением либо API по адресу {url}',
    unreadable: 'в каталоге данных {dir} лежит файл блокировки ({file}), который не удаётся прочитать ({reason}); если каталогом не пользуется ни один процесс Verity, удалите этот файл',
    busy: 'каталог данных {dir} прямо сейчас открывает другой процесс; повторите попытку',
  },
  'zh-CN': {
    locked: '数据目录 {dir} 正由 {host} 上的 Verity 进程 {pid} 使用（{command}，自 {since} 起）：第二个进程会损坏数据。请先停止该进程，或使用正在运行的服务器的网页应用或 API',
    lockedAt: '数据目录 {dir} 正由 Verity 服务器使用（{host} 上的进程 {pid}，地址 {url}，自 {since} 起）：第二个进程会损坏数据。请先停止服务器，或使用 {url} 的网页应用或 API',
    unreadable: '数据目录 {dir} 中有一个无法读取的锁文件（{file}，{reason}）；如果没有任何 Verity 进程在使用该目录，请删除该文件',
    busy: '另一个进程正在打开数据目录 {dir}，请稍后重试',
  },
});
