import { defineMessages } from './i18n.ts';

/** Why an outbound request (a feed poll, a webhook or chat delivery) was refused or failed. */
export const outboundMessages = defineMessages('outbound', {
  en: {
    badUrl: 'not an http(s) URL',
    credentials: 'a URL with a user name or password is not accepted (put keys in the path or query the service documents)',
    refused: '{host} is a {range} address ({address}); Verity does not send requests to loopback, private, link-local or metadata addresses unless VERITY_OUTBOUND_ALLOW lists them',
    notFound: '{host}: the name does not resolve',
    timeout: '{host}: no answer within {seconds} s',
    tooLarge: '{host}: the answer is larger than {megabytes} MB',
    redirects: '{host}: more than {count} redirects',
    redirectRefused: '{host} answered with a redirect (HTTP {status}); redirects are not followed here',
    unreachable: '{host}: {detail}',
  },
  ru: {
    badUrl: 'это не адрес http(s)',
    credentials: 'адрес с именем пользователя или паролем не принимается (передайте ключ в пути или параметрах, как описано у сервиса)',
    refused: '{host} — адрес типа «{range}» ({address}); Verity не отправляет запросы на адреса loopback, частных сетей, link-local и метаданных, если их нет в VERITY_OUTBOUND_ALLOW',
    notFound: '{host}: имя не разрешается в адрес',
    timeout: '{host}: нет ответа за {seconds} с',
    tooLarge: '{host}: ответ больше {megabytes} МБ',
    redirects: '{host}: больше {count} перенаправлений',
    redirectRefused: '{host} ответил перенаправлением (HTTP {status}); здесь перенаправления не выполняются',
    unreachable: '{host}: {detail}',
  },
  'zh-CN': {
    badUrl: '不是 http(s) 地址',
    credentials: '不接受包含用户名或密码的地址（请按服务文档把密钥放在路径或查询参数中）',
    refused: '{host} 是 {range} 地址（{address}）；除非 VERITY_OUTBOUND_ALLOW 中列出，Verity 不向回环、私有、链路本地或元数据地址发送请求',
    notFound: '{host}：无法解析该域名',
    timeout: '{host}：{seconds} 秒内无响应',
    tooLarge: '{host}：响应超过 {megabytes} MB',
    redirects: '{host}：重定向超过 {count} 次',
    redirectRefused: '{host} 返回了重定向（HTTP {status}）；此处不跟随重定向',
    unreachable: '{host}：{detail}',
  },
});

export type OutboundMessageKey = Parameters<typeof outboundMessages.text>[0];
