/**
 * The demo's fixed texts: news items, risk mentions, the fake-review cluster, the spike and the
 * edits of revised reviews. Data, not logic (demo-data.ts composes the rest). All invented.
 */
export type TextLang = 'zh' | 'zh-Hant' | 'ru' | 'en';
export type Sentiment = 'pos' | 'neg' | 'mixed';

// ---------------------------------------------------------------- news

export const NEWS_OUTLETS: Record<TextLang, string> = {
  zh: '申城健康报（虚构）',
  'zh-Hant': '港滬醫療週刊（虛構）',
  ru: 'Приморский вестник здоровья (вымышл.)',
  en: 'City Health Weekly (fictional)',
};

export const NEWS: Record<'zh' | 'ru' | 'en', { title: string; text: string; sentiment: Sentiment }[]> = {
  zh: [
    { title: '仁和国际医院开设夜间儿科门诊', text: '记者从仁和国际医院获悉，该院儿科自下月起开设夜间门诊，工作日开放至晚上十点，缓解上班族家长带娃看病难的问题。', sentiment: 'pos' },
    { title: '仁和国际医院举办社区义诊活动', text: '周末，仁和国际医院全科、眼科和口腔科医生走进社区开展义诊，为两百余名居民提供免费咨询和血压、视力筛查。', sentiment: 'pos' },
    {
      title: '年底体检高峰来临，多家医院体检中心排长队',
      text: '临近年底，企业集中安排员工体检，记者走访发现包括仁和国际医院在内的多家体检中心出现排队现象，有市民反映抽血等候超过两小时。',
      sentiment: 'neg',
    },
    { title: '民营医院如何赢得患者口碑？', text: '业内人士认为，口碑管理的关键在于诊疗效果和沟通体验，仁和国际医院近年推行投诉四小时响应机制，患者满意度有所提升。', sentiment: 'pos' },
    { title: '医美消费投诉增多，专家提醒理性选择', text: '市消保委数据显示，今年医美相关投诉同比上升，涉及效果不达预期和过度推销等问题，专家提醒消费者选择正规医疗机构。', sentiment: 'mixed' },
  ],
  ru: [
    {
      title: 'Китайская клиника «Жэньхэ» открыла детское отделение во Владивостоке',
      text: 'В филиале клиники «Жэньхэ» во Владивостоке начал работу педиатрический кабинет; приём ведут русскоязычные врачи.',
      sentiment: 'pos',
    },
    {
      title: 'Жители Приморья всё чаще лечатся в частных клиниках',
      text: 'Эксперты отмечают рост спроса на чекапы и стоматологию; среди популярных клиник называют и «Жэньхэ» на Светланской.',
      sentiment: 'pos',
    },
    {
      title: 'Пациенты жалуются на очереди в частных клиниках Владивостока',
      text: 'Редакция получила несколько обращений о долгом ожидании приёма; в клинике «Жэньхэ» пообещали увеличить число администраторов.',
      sentiment: 'neg',
    },
  ],
  en: [
    {
      title: 'Renhe International Hospital launches English-language patient hotline',
      text: 'The private hospital group says the new line will handle bookings, billing questions and complaints in English, Russian and Mandarin.',
      sentiment: 'pos',
    },
    {
      title: 'Expat families weigh private healthcare options in Shanghai',
      text: 'Parents interviewed cited waiting times and billing transparency as their main concerns; several named Renhe International among the hospitals they use.',
      sentiment: 'mixed',
    },
    {
      title: 'Health check-up season brings long queues to city clinics',
      text: 'Corporate check-up packages are driving year-end crowds at private centres, including Renhe International Hospital in Changning.',
      sentiment: 'neg',
    },
  ],
};

// ---------------------------------------------------------------- incidents

export const RISK: { lang: TextLang; source: string; dept: string; loc: string; staffKey?: string; text: string }[] = [
  { lang: 'zh', source: 'dianping', dept: 'ER', loc: 'SH-PX', staffKey: 'xu-lei', text: '在急诊输液后出现严重过敏，后来护士私下说是徐医生开错了药。这就是医疗事故！到现在医院都没给个说法。' },
  { lang: 'zh', source: 'weibo', dept: 'PED', loc: 'SH-PX', text: '孩子在儿科被误诊为普通感冒，耽误了三天，最后在别的医院确诊肺炎住院。我们已经请了律师，准备起诉仁和国际医院。' },
  { lang: 'zh', source: 'xiaohongshu', dept: 'AES', loc: 'SH-PX', text: '做完双眼皮一边高一边低，找医院理论被推来推去。再不解决我就去找电视台和媒体曝光！#医美避坑#' },
  { lang: 'zh', source: 'hotline', dept: 'OBGYN', loc: 'SH-PX', text: '来电记录：患者家属称，有人暗示给主刀医生包个红包手术就能提前，他们没给，手术一拖再拖。要求院方调查。' },
  { lang: 'zh', source: 'offline', dept: 'CHK', loc: 'SH-PX', text: '前台书面投诉：体检报告被发到了别人的手机上，病史和检查结果全部泄露，患者要求追责。' },
  { lang: 'zh', source: 'weibo', dept: 'ER', loc: 'SH-PX', text: '今晚在仁和急诊大厅，有家属跟医生动手了，保安过了十分钟才到，吓死人。' },
  { lang: 'zh-Hant', source: 'facebook-hk', dept: 'DENT', loc: 'SH-PX', text: '洗牙被推銷做了八千塊的療程，做完牙齦一直出血，醫院說是正常反應。我會向消委會投訴，也會找律師。' },
  {
    lang: 'ru',
    source: 'prodoctorov',
    dept: 'DENT',
    loc: 'VVO',
    staffKey: 'smirnov-alexey',
    text: 'После удаления зуба у доктора Смирнова занесли инфекцию, неделю лежала в больнице. Это врачебная ошибка, подаю в суд.',
  },
  {
    lang: 'ru',
    source: 'hotline',
    dept: 'GP',
    loc: 'VVO',
    text: 'Звонок на горячую линию. Пациентка сообщает: медсестра намекнула, что за «благодарность» врачу анализы сделают без очереди. Спрашивает, не взятка ли это, грозит написать в прокуратуру.',
  },
  { lang: 'ru', source: '2gis', dept: 'AES', loc: 'VVO', text: 'Если клиника не вернёт деньги за испорченную процедуру, пойду на телевидение и напишу во все СМИ Приморья. Ожог до сих пор не зажил.' },
  {
    lang: 'en',
    source: 'google',
    dept: 'ER',
    loc: 'SH-PX',
    staffKey: 'miller-james',
    text: 'They gave my father the wrong medication in the ER and Dr. Miller refused to admit it. This is medical negligence and our lawyer is already involved.',
  },
  {
    lang: 'en',
    source: 'google',
    dept: 'CHK',
    loc: 'SH-PX',
    text: 'Someone at reception posted a photo of my lab results in a WeChat group. Gross privacy violation. I am reporting this to the health commission and to the press.',
  },
  {
    lang: 'en',
    source: 'offline',
    dept: 'OBGYN',
    loc: 'SH-PX',
    text: 'Written complaint at the front desk. Patient writes: "A staff member suggested a red envelope would get us an earlier delivery-room slot. Is this how you treat foreigners?"',
  },
];

export const FAKE_BASE = ['杨丽医生技术超级好', '环境一流', '服务贴心', '效果自然', '强烈推荐给所有姐妹'];
export const FAKE_ALT: Record<string, string[]> = {
  杨丽医生技术超级好: ['杨丽医生技术超级好', '杨丽医生技术真的超级好', '杨医生技术超级好'],
  环境一流: ['环境一流', '环境超一流', '环境真的一流'],
  服务贴心: ['服务贴心', '服务超贴心', '服务很贴心'],
  效果自然: ['效果自然', '效果很自然', '效果特别自然'],
  强烈推荐给所有姐妹: ['强烈推荐给所有姐妹', '强烈推荐给姐妹们', '强烈推荐'],
};

export const SPIKE_EXTRA: Record<'zh' | 'en', string[]> = {
  zh: [
    '体检中心今天人爆满，抽血排了两个小时',
    '空腹等到十一点才抽上血，差点晕倒',
    'B超室门口排了几十个人，工作人员说今天单位团检太多',
    '预约了早上八点的体检，做完已经下午两点',
    '叫号系统坏了，大家挤在门口',
  ],
  en: [
    'the check-up centre was completely overrun today',
    'I fasted since midnight and still waited until 11 for the blood draw',
    'the ultrasound queue was over forty people long',
    'the queue system was down and people were crowding the door',
  ],
};

export const EDIT_NOTES: Record<TextLang, { up: string[]; down: string[] }> = {
  zh: {
    up: ['【追评】医院客服第二天就联系了我，重新安排了复诊，问题解决了。', '【追评】主任亲自打电话道歉，退了部分费用，改个评分。'],
    down: ['【追评】复查发现问题更严重了，改一星。', '【追评】投诉了一周没有任何回复。'],
  },
  'zh-Hant': { up: ['【更新】客服隔天就聯絡我，安排了覆診，問題解決了。'], down: ['【更新】覆診後情況更差，改一星。'] },
  ru: {
    up: ['UPD: со мной связались из клиники, извинились и бесплатно переделали. Повышаю оценку.', 'UPD: заведующий лично позвонил, вопрос решили.'],
    down: ['UPD: на повторном приёме стало только хуже. Снижаю оценку.', 'UPD: жалобу так никто и не рассмотрел.'],
  },
  en: {
    up: ['Update: the patient service team called the next day and sorted it out. Raising my rating.', 'Update: the head of department apologised personally and refunded part of the bill.'],
    down: ['Update: the follow-up visit was even worse. Lowering my rating.', 'Update: a week later, still no reply to my complaint.'],
  },
};
