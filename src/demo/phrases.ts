/**
 * Phrase fragments for the demo-data generator, per language, aspect and polarity.
 * Placeholders: {h} hours, {m} minutes, {p} price, {d} days; {g:male|female} agrees with the author,
 * {sg:male|female} with the staff member; a leading [DEPT,DEPT] limits a fragment to those departments; {S} (zh/en) or {S.nom|gen|dat|acc|ins} (ru) is the staff name form.
 */
export type Lang = 'zh' | 'ru' | 'en';
export type Polarity = 'pos' | 'neg';
export const ASPECTS = [
  'efficacy',
  'diagnosis',
  'safety',
  'waiting',
  'registration',
  'listening',
  'clarity',
  'shared_decisions',
  'privacy',
  'attitude',
  'environment',
  'facilities',
  'follow_up',
  'price',
  'upselling',
  'trust',
] as const;
export type Aspect = (typeof ASPECTS)[number];
type Bank = Record<Aspect, Record<Polarity, string[]>>;

export const ASPECT_PHRASES: Record<Lang, Bank> = {
  zh: {
    efficacy: {
      pos: [
        '吃了三天药症状就明显好转了',
        '治疗效果比预期好很多，现在基本不疼了',
        '做完两次治疗之后困扰我半年的问题终于解决了',
        '复查的时候指标都恢复正常了',
        '[DENT,OPH,AES,OBGYN]术后恢复得很快，一周就能正常上班',
      ],
      neg: ['药吃了一个星期一点效果都没有', '治疗做了三次还是老样子，白花钱', '回家第二天又开始疼了，感觉根本没治好', '做完之后反而比以前更严重了', '效果完全没有宣传说的那么好'],
    },
    diagnosis: {
      pos: ['医生一下就找到了问题所在，之前两家医院都没查出来', '检查做得很仔细，诊断很明确', '影像科的报告当天就出来了，诊断清清楚楚', '医生根据症状很快排除了几个可能，判断很准'],
      neg: ['第一次来说是普通炎症，结果换了家医院才查出是别的问题', '检查做了一大堆，最后诊断还是模棱两可', '医生看了不到五分钟就下结论，感觉很草率', '报告上的结论和医生说的不一样，到底听谁的'],
    },
    safety: {
      pos: ['打针换药都严格消毒，看着就放心', '每次用药前护士都会核对姓名和过敏史', '[DENT,OPH,AES,OBGYN]术前评估做得很全面，风险都提前讲到了', '器械都是一次性的，当着面拆封'],
      neg: [
        '输液的时候护士拿错了药，幸好我自己发现了',
        '[DENT]拔牙之后伤口感染了，又跑了好几趟',
        '做完之后出现了过敏反应，医生之前根本没问过敏史',
        '[DENT,OPH,AES,OBGYN]术后并发症没人提前告诉我，吓坏了',
      ],
    },
    waiting: {
      pos: ['预约的时间到了就直接进去了，基本不用等', '从挂号到看完病不到一个小时', '候诊区有叫号屏，等待时间很透明', '虽然人多但是分诊很快，等了{m}分钟就轮到了'],
      neg: [
        '预约了九点，结果等到快中午才叫到号',
        '[PED,ER]排队排了整整{h}个小时，孩子都哭累了',
        '缴费、抽血、拿报告每一步都要排长队',
        '候诊区坐满了人，等了{h}个多小时也没人解释',
        '明明约好的时间，前面还有二十几个人',
      ],
    },
    registration: {
      pos: ['小程序预约很方便，几分钟就搞定了', '前台帮我把挂号、医保的事情一次办好了', '改约也很顺利，客服电话一打就通', '线上挂号流程简单，还能选医生'],
      neg: ['网上挂号系统一直崩，只能跑到现场排队', '预约电话打了十几次都占线', '前台把我的预约弄丢了，只好重新排', '改个预约时间还要本人到现场，太麻烦了'],
    },
    listening: {
      pos: ['医生很耐心地听我把情况说完，没有打断', '能感觉到医生是真的在关心我的感受', '我说得有点乱，医生也没有不耐烦', '护士会主动问我哪里不舒服'],
      neg: ['我话还没说完医生就开始开单子了', '医生全程盯着电脑，根本没看我一眼', '提了几个问题，医生说“你听我的就行”', '感觉医生根本不想听我说什么'],
    },
    clarity: {
      pos: ['检查结果一项一项解释得很清楚', '[DENT,OPH,AES,OBGYN]医生画图给我讲手术怎么做，一听就明白', '用药方法写在纸上给我，回家也不会弄错', '专业名词都换成大白话讲，很好懂'],
      neg: ['医生讲了一堆专业术语，我一句也没听懂', '药怎么吃都没交代清楚，回家只能自己查', '问报告上的指标是什么意思，医生说“没事”就打发了', '[OBGYN,OPH,ER]出院注意事项讲得很含糊'],
    },
    shared_decisions: {
      pos: ['医生把几种治疗方案的利弊都列出来让我们自己选', '[DENT,OPH,AES,OBGYN]保守治疗和手术都讲了，尊重我们的决定', '做不做这个检查医生让我自己考虑，没有强迫'],
      neg: ['[DENT,OPH,AES,OBGYN]根本没问我意见，直接就安排了手术', '我说想先保守治疗，医生很不高兴', '方案都是医生一个人定的，我们只能签字'],
    },
    privacy: {
      pos: ['诊室关着门，一次只进一个人，很注重隐私', '[OBGYN]妇科检查有专门的隔间，护士一直陪着', '前台叫号只叫编号不叫全名，这点很贴心'],
      neg: ['看诊的时候门一直开着，外面的人都能听到', '护士在走廊里大声念我的检查结果', '我的病情被前台拿来跟别人聊，太不尊重人了', '做检查的时候陌生人随便进出诊室'],
    },
    attitude: {
      pos: ['护士姐姐说话特别温柔', '前台小姐姐很热情，一进门就主动引导', '导诊阿姨全程陪着我们，非常暖心', '所有工作人员都很有礼貌'],
      neg: ['前台态度很差，问两句就不耐烦', '护士说话很冲，像是我们欠她钱一样', '收费处的人一直在玩手机，叫了好几声才理人', '保安对老人说话很凶'],
    },
    environment: {
      pos: ['环境很干净，一点消毒水的味道都没有', '装修温馨，不像医院反而像酒店', '[PED]儿科候诊区有玩具和绘本，孩子很喜欢', '卫生间打扫得很干净'],
      neg: ['卫生间很脏，地上都是水', '候诊区太挤了，连个座位都没有', '空调太冷，等的时候冻得发抖', '走廊里堆着杂物，看着很乱'],
    },
    facilities: {
      pos: ['停车场很大，还有充电桩', '地铁站出来走五分钟就到', '设备都很新，检查很快', '有无障碍通道，推轮椅很方便'],
      neg: ['停车位太少，绕了半个小时才停进去', '电梯只有一部能用，上下楼要等很久', '停车费一小时二十块，太贵了', '医院指示牌很不清楚，找科室找了半天'],
    },
    follow_up: {
      pos: ['[OBGYN,OPH,ER]出院后第三天护士打电话来回访，问恢复情况', '医生加了微信，有问题随时可以问', '复诊提醒很及时，不用自己记', '[DENT,OPH,AES,OBGYN]术后一个月还专门打电话了解情况'],
      neg: ['说好术后会回访，结果一个电话都没有', '想问复查的事情，打电话过去没人知道', '[OBGYN,OPH,ER]出院以后就没人管了', '留言问了三次都没有回复'],
    },
    price: {
      pos: ['收费透明，每一项都列得很清楚', '价格比想象中合理，和公立医院差不多', '医保能直接结算，很方便', '做之前就告诉我大概要花多少钱'],
      neg: ['一个普通感冒花了{p}块，太离谱了', '账单上有好几项根本不知道是什么', '结账的时候比预估的多了一倍', '收费不透明，问了也说不清楚'],
    },
    upselling: {
      pos: ['医生说没必要做的检查就不做，很实在', '没有推销任何额外项目', '医生直接说不需要买那些保健品'],
      neg: ['一进门就推销各种套餐', '[DENT]本来只是洗个牙，被推荐做了一堆项目', '医生一直劝我办会员卡，很反感', '明明不需要的检查也让做，感觉就是为了赚钱'],
    },
    trust: {
      pos: ['以后家里人看病都会来这里', '已经推荐给好几个朋友了', '在这里看病很安心', '口碑确实名不虚传'],
      neg: ['再也不会来了', '感觉这家医院就是在做生意', '网上的好评都不能信', '以后还是去公立医院吧'],
    },
  },
  ru: {
    efficacy: {
      pos: [
        'после курса лечения боль полностью ушла',
        'через неделю {g:почувствовал|почувствовала} себя намного лучше',
        'результат превзошёл ожидания',
        'анализы после лечения пришли в норму',
        '[DENT,OPH,AES,OBGYN]восстановление после операции прошло быстро',
      ],
      neg: [
        'лечение не дало никакого эффекта',
        'через два дня всё вернулось обратно',
        'после процедуры стало только хуже',
        '{g:прошёл|прошла} три курса, а толку ноль',
        'обещали результат, которого так и не было',
      ],
    },
    diagnosis: {
      pos: [
        'диагноз поставили с первого приёма, хотя до этого в двух клиниках не могли разобраться',
        'обследование провели очень тщательно',
        'УЗИ сделали подробно и сразу объяснили результат',
        'врач быстро разобрался, в чём дело',
      ],
      neg: [
        'поставили неверный диагноз, правду узнали только в другой клинике',
        'сдали кучу анализов, а диагноза так и нет',
        'врач смотрел меня пять минут и сразу выписал лекарства',
        'заключение в бумагах не совпадает с тем, что сказали на приёме',
      ],
    },
    safety: {
      pos: [
        'всё стерильно, инструменты вскрывают при тебе',
        'перед каждым уколом медсестра уточняет аллергию',
        '[DENT,OPH,AES,OBGYN]перед операцией подробно рассказали обо всех рисках',
        'всё делают строго по протоколу',
      ],
      neg: [
        'медсестра чуть не поставила капельницу с чужим препаратом',
        '[DENT]после удаления зуба началось воспаление',
        'про аллергию никто не спросил, в итоге сильная реакция',
        'об осложнениях никто не предупредил',
      ],
    },
    waiting: {
      pos: ['приняли точно по записи, ждать не пришлось', 'весь приём занял меньше часа', 'в холле электронная очередь, всё прозрачно', 'подождать пришлось всего {m} минут'],
      neg: [
        '{g:записался|записалась} на девять, а приняли только к обеду',
        '[PED,ER]просидели в очереди {h} часа с ребёнком',
        'на каждом этапе очередь: касса, анализы, результаты',
        'ждали больше {h} часов, никто ничего не объяснял',
        'запись по времени, а перед нами ещё двадцать человек',
      ],
    },
    registration: {
      pos: ['записаться через сайт очень удобно', 'администратор сразу оформил все документы', 'перенести приём получилось за один звонок', 'онлайн-запись работает без сбоев, можно выбрать врача'],
      neg: ['до регистратуры невозможно дозвониться', 'онлайн-запись постоянно зависает', 'мою запись потеряли, пришлось записываться заново', 'чтобы перенести приём, надо лично приходить в клинику'],
    },
    listening: {
      pos: [
        'врач внимательно выслушал все жалобы и ни разу не перебил',
        'чувствуется, что тебя действительно слышат',
        'медсестра сама спросила, как я себя чувствую',
        'на все мои вопросы ответили без раздражения',
      ],
      neg: [
        'не дали договорить, сразу начали выписывать направления',
        'врач весь приём смотрел в компьютер',
        'на мои вопросы ответили: «Делайте, как я сказал»',
        'было ощущение, что меня вообще не слушают',
      ],
    },
    clarity: {
      pos: [
        'все результаты объяснили простым языком',
        '[DENT,OPH,AES,OBGYN]врач нарисовал схему операции, стало всё понятно',
        'схему приёма лекарств написали на бумаге',
        'никаких непонятных терминов, всё по-человечески',
      ],
      neg: [
        'сыпали терминами, я так ничего и не {g:понял|поняла}',
        'как принимать лекарства, толком не объяснили',
        'на вопрос про анализы ответили «всё нормально» и отправили домой',
        '[OBGYN,OPH,ER]рекомендации после выписки очень расплывчатые',
      ],
    },
    shared_decisions: {
      pos: ['врач рассказал про все варианты лечения и дал выбрать', '[DENT,OPH,AES,OBGYN]объяснили плюсы и минусы операции и консервативного лечения', 'не давили, дали время подумать'],
      neg: [
        '[DENT,OPH,AES,OBGYN]моё мнение никого не интересовало, сразу назначили операцию',
        'когда я {g:предложил|предложила} сначала попробовать таблетки, врач обиделся',
        'всё решили за нас, оставалось только подписать согласие',
      ],
    },
    privacy: {
      pos: ['дверь кабинета всегда закрыта, конфиденциальность соблюдают', 'на осмотре медсестра всё время рядом, ширма есть', 'в очереди вызывают по номеру, а не по фамилии'],
      neg: [
        'дверь в кабинет была открыта, в коридоре всё слышали',
        'медсестра громко зачитала мой диагноз в коридоре',
        'администратор обсуждала мои анализы с другой пациенткой',
        'во время осмотра в кабинет постоянно заходили посторонние',
      ],
    },
    attitude: {
      pos: ['медсёстры очень доброжелательные', 'администратор на ресепшене встретила с улыбкой', 'весь персонал вежливый и приветливый', 'отношение к пациентам очень тёплое'],
      neg: ['администратор разговаривала очень грубо', 'медсестра хамила и закатывала глаза', 'в кассе сидели в телефоне и не замечали людей', 'охранник накричал на пожилую женщину'],
    },
    environment: {
      pos: ['в клинике чисто и уютно', 'ремонт свежий, больше похоже на отель, чем на больницу', '[PED]в детской зоне есть игрушки и книжки', 'туалеты чистые, везде есть антисептик'],
      neg: ['в туалете грязно, на полу лужи', 'в холле негде сесть, всё забито', 'кондиционер дует так, что все замёрзли', 'в коридорах стоят коробки, неопрятно'],
    },
    facilities: {
      pos: ['парковка большая и бесплатная', 'от остановки пять минут пешком', 'оборудование современное, всё быстро', 'есть пандус, с коляской удобно'],
      neg: ['парковки почти нет, кружили полчаса', 'работает только один лифт', 'парковка платная и дорогая', 'навигация в здании ужасная, кабинет искали двадцать минут'],
    },
    follow_up: {
      pos: [
        '[OBGYN,OPH,ER]через три дня после выписки позвонили узнать самочувствие',
        'врач дал свой мессенджер, можно задать вопрос',
        'напоминание о повторном приёме пришло вовремя',
        '[DENT,OPH,AES,OBGYN]через месяц после операции сами перезвонили',
      ],
      neg: [
        '[DENT,OPH,AES,OBGYN]обещали перезвонить после операции, но так и не позвонили',
        '[OBGYN,OPH,ER]после выписки никто не интересуется, как я',
        'по поводу контрольных анализов никто не может ответить',
        'написали в чат три раза — тишина',
      ],
    },
    price: {
      pos: ['цены прозрачные, всё расписано в договоре', 'стоимость адекватная для такого уровня', 'смету озвучили заранее, сюрпризов не было', 'страховку приняли без проблем'],
      neg: [
        'за обычную консультацию насчитали {p} рублей',
        'в счёте какие-то непонятные позиции',
        'итоговая сумма оказалась в два раза больше обещанной',
        'на вопрос про цену ничего толком не ответили',
      ],
    },
    upselling: {
      pos: ['ничего лишнего не навязывают', 'врач честно сказал, что дополнительные анализы не нужны', 'никаких «пакетов» и подписок не предлагали'],
      neg: [
        'с порога начали продавать пакеты услуг',
        '[DENT]{g:пришёл|пришла} на чистку, а насчитали лечение на полквартиры',
        'всё время уговаривали купить абонемент',
        'назначают ненужные анализы, лишь бы заработать',
      ],
    },
    trust: {
      pos: ['теперь вся семья лечится только здесь', 'уже {g:посоветовал|посоветовала} клинику друзьям', 'здесь чувствуешь себя в надёжных руках', 'репутация клиники полностью оправдана'],
      neg: ['больше ни ногой', 'ощущение, что это просто бизнес', 'положительным отзывам не верьте', 'лучше уж в обычную поликлинику'],
    },
  },
  en: {
    efficacy: {
      pos: [
        'the treatment worked within a few days',
        'my symptoms cleared up completely after the course',
        'the results were better than I expected',
        'my follow-up tests came back normal',
        '[DENT,OPH,AES,OBGYN]I was back at work a week after the surgery',
      ],
      neg: [
        'the medication did absolutely nothing',
        'the pain came back two days later',
        'I actually felt worse after the procedure',
        'three sessions later and nothing has changed',
        'the results were nowhere near what they promised',
      ],
    },
    diagnosis: {
      pos: [
        'they found the problem that two other clinics had missed',
        'the examination was very thorough',
        'the scan report was ready the same day and the diagnosis was clear',
        'the doctor quickly ruled out the scary possibilities',
      ],
      neg: [
        'I was misdiagnosed and only found out at another hospital',
        'after a dozen tests I still have no diagnosis',
        'the doctor spent five minutes with me and wrote a prescription',
        'the written report says something different from what I was told',
      ],
    },
    safety: {
      pos: [
        'everything was sterile and opened in front of me',
        'the nurse double-checked my name and allergies before every injection',
        '[DENT,OPH,AES,OBGYN]all the risks were explained before the operation',
        'you can tell they follow proper protocols',
      ],
      neg: [
        "the nurse nearly gave me someone else's IV bag",
        '[DENT]the extraction site got infected',
        'nobody asked about allergies and I had a bad reaction',
        'no one warned me about possible complications',
      ],
    },
    waiting: {
      pos: ['I was seen right on time', 'the whole visit took less than an hour', 'the queue screen makes the wait very transparent', 'I only waited about {m} minutes'],
      neg: [
        "my appointment was at 9 and I wasn't seen until almost noon",
        '[PED,ER]we waited {h} hours with a sick toddler',
        'there is a queue at every single step: cashier, blood draw, results',
        'we sat there for over {h} hours and nobody explained the delay',
        'I had a booked slot and there were still twenty people ahead of me',
      ],
    },
    registration: {
      pos: [
        'booking through the app took two minutes',
        'the front desk sorted out my insurance paperwork on the spot',
        'rescheduling was easy with one phone call',
        'online booking lets you choose your doctor',
      ],
      neg: ['the phone line is always busy', 'the online booking system kept crashing', 'they lost my appointment and I had to rebook', 'you have to come in person just to change an appointment'],
    },
    listening: {
      pos: ['the doctor listened to everything without interrupting', 'I genuinely felt heard', 'the nurse checked in on how I was feeling', 'they answered all my questions patiently'],
      neg: [
        'I was cut off mid-sentence and handed a list of tests',
        'the doctor stared at the screen the entire time',
        'when I asked questions I was told to "just do what I say"',
        'it felt like nobody wanted to hear what I had to say',
      ],
    },
    clarity: {
      pos: ['every result was explained in plain English', 'the doctor drew a diagram of the procedure', 'the dosage instructions were written down for me', 'no jargon, just clear explanations'],
      neg: [
        'it was all jargon and I understood nothing',
        'nobody explained how to take the medication',
        'I asked about my lab results and was told "it\'s fine" and sent home',
        '[OBGYN,OPH,ER]the discharge instructions were vague',
      ],
    },
    shared_decisions: {
      pos: [
        'the doctor laid out all the options and let us decide',
        '[DENT,OPH,AES,OBGYN]we talked through surgery versus waiting, with pros and cons',
        'there was no pressure, I was given time to think',
      ],
      neg: [
        '[DENT,OPH,AES,OBGYN]surgery was scheduled without anyone asking what I wanted',
        'when I suggested trying medication first the doctor got annoyed',
        'everything was decided for us, we were just handed a consent form',
      ],
    },
    privacy: {
      pos: ['the consultation room door is always closed', 'a chaperone was present during the examination', 'they call patients by number, not by name'],
      neg: [
        'the door was left open and everyone in the corridor could hear',
        'a nurse read out my diagnosis in the hallway',
        'the receptionist discussed my results with another patient',
        'strangers kept walking into the room during my exam',
      ],
    },
    attitude: {
      pos: ['the nurses were lovely', 'the receptionist greeted us with a smile', 'every member of staff was courteous', 'the care coordinator stayed with us the whole time'],
      neg: ['the receptionist was incredibly rude', 'the nurse rolled her eyes at my questions', 'the cashier was on her phone and ignored the queue', 'a security guard shouted at an elderly man'],
    },
    environment: {
      pos: ['the place is spotless', 'it feels more like a hotel than a hospital', "[PED]the children's waiting area has toys and books", 'the bathrooms were clean'],
      neg: ['the toilets were filthy', 'the waiting area was packed with nowhere to sit', 'the air conditioning was freezing', 'boxes were piled up in the corridors'],
    },
    facilities: {
      pos: ['there is plenty of parking', "it's a five-minute walk from the metro", 'the equipment is modern', 'there is step-free access, easy with a stroller'],
      neg: ['parking is a nightmare', 'only one lift was working', 'parking costs a fortune', 'the signage is confusing and we got lost twice'],
    },
    follow_up: {
      pos: [
        '[OBGYN,OPH,ER]a nurse called three days after discharge to check on me',
        'the doctor gave me a way to message with questions',
        'the reminder for my follow-up came on time',
        '[DENT,OPH,AES,OBGYN]they called again a month after the operation',
      ],
      neg: [
        'they promised a follow-up call that never came',
        '[OBGYN,OPH,ER]once I was discharged nobody cared',
        'nobody could tell me when my follow-up tests were due',
        'I messaged three times and got no reply',
      ],
    },
    price: {
      pos: ['the pricing is transparent and itemised', 'the cost was reasonable for this standard of care', 'I got an estimate up front with no surprises', 'they billed my insurance directly'],
      neg: [
        'a basic consultation cost me {p} RMB',
        'there were charges on the bill I could not identify',
        'the final bill was double the estimate',
        'nobody could give me a straight answer about the price',
      ],
    },
    upselling: {
      pos: ['no upselling at all', "the doctor told me honestly I didn't need extra tests", 'nobody tried to sell me a package'],
      neg: [
        'they pushed packages on us from the moment we walked in',
        '[DENT]I came in for a cleaning and left with a quote for thousands',
        'they kept trying to sell me a membership',
        'they order unnecessary tests just to bill more',
      ],
    },
    trust: {
      pos: ['my whole family comes here now', 'I have already recommended them to friends', 'you feel in safe hands here', 'they fully deserve their reputation'],
      neg: ['never again', 'it feels like a business, not a hospital', "don't trust the glowing reviews", "I'll go to a public hospital next time"],
    },
  },
};

/** Visit context per department. */
export const OPENERS: Record<Lang, Record<string, string[]>> = {
  zh: {
    GP: ['最近一直咳嗽，来全科看了一下', '公司附近，感冒发烧就来这里看'],
    DENT: ['来做了洗牙和补牙', '智齿发炎来口腔科拔牙'],
    OBGYN: ['在这里建档产检到生产', '来妇产科做孕期检查'],
    PED: ['带孩子来儿科看发烧', '宝宝打疫苗一直在这家'],
    OPH: ['来眼科给孩子查视力', '眼睛干涩来眼科看了一下'],
    AES: ['在医美科做了光子嫩肤', '朋友推荐来做皮肤管理'],
    CHK: ['公司安排的年度体检在这里做的', '带爸妈来做了全套体检'],
    ER: ['半夜肚子疼挂了急诊', '孩子摔伤了半夜送来急诊'],
  },
  ru: {
    GP: ['{g:обратился|обратилась} к терапевту с затяжным кашлем', 'хожу сюда к терапевту, когда простываю'],
    DENT: ['{g:лечил|лечила} здесь зубы', 'удаляли зуб мудрости'],
    OBGYN: ['{g:жена наблюдалась|наблюдалась} здесь всю беременность', '{g:водил жену|приходила} к гинекологу на плановый осмотр'],
    PED: ['приводили ребёнка к педиатру с температурой', 'делаем здесь прививки сыну'],
    OPH: ['проверяли зрение у офтальмолога', '{g:обратился|обратилась} к окулисту с сухостью глаз'],
    AES: ['{g:делал|делала} процедуры у косметолога', 'по совету {g:друга пришёл|подруги пришла} на чистку лица'],
    CHK: ['проходили семейный чекап', 'прошли годовой медосмотр от работы'],
    ER: ['ночью {g:попал|попала} в приёмный покой с болью в животе', 'привезли ребёнка с травмой в неотложку'],
  },
  en: {
    GP: ['I saw a GP here for a lingering cough', 'this is my go-to clinic for colds and flu'],
    DENT: ['I had a filling and a cleaning done here', 'came in to have a wisdom tooth removed'],
    OBGYN: ['I had my prenatal care and delivery here', 'came in for a routine gynaecology check'],
    PED: ['brought my son to paediatrics with a fever', 'our daughter gets her vaccinations here'],
    OPH: ['took my kid for an eye test', 'went to ophthalmology with dry eyes'],
    AES: ['had a laser skin treatment at the aesthetics clinic', "tried their skin care programme on a friend's recommendation"],
    CHK: ['did my annual company health check here', 'brought my parents for a full check-up'],
    ER: ['ended up in the ER at 2am with stomach pain', 'rushed my kid to the emergency room after a fall'],
  },
};

export const CLOSERS: Record<Lang, Record<Polarity | 'mixed', string[]>> = {
  zh: {
    pos: ['五星推荐！', '总体非常满意，下次还来。', '值得推荐给身边的朋友。', '给医护人员点赞👍'],
    neg: ['非常失望。', '希望医院认真整改。', '大家慎重选择吧。', '真的不会再来了。'],
    mixed: ['总体来说有好有坏吧。', '希望能改进一下流程。', '医生是好医生，管理要跟上。'],
  },
  ru: {
    pos: ['Рекомендую!', 'Огромное спасибо всему персоналу.', 'Обязательно вернёмся.', 'Пять звёзд заслуженно.'],
    neg: ['Очень {g:разочарован|разочарована} клиникой.', 'Надеюсь, руководство примет меры.', 'Не советую.', 'Больше сюда не пойду.'],
    mixed: ['В целом впечатления смешанные.', 'Врачи хорошие, а организация хромает.', 'Надеюсь, поправят организацию.'],
  },
  en: {
    pos: ['Highly recommend!', 'Thank you to the whole team.', 'Five stars.', "We'll definitely be back."],
    neg: ['Very disappointed.', 'Management needs to fix this.', 'Avoid.', "Won't be coming back."],
    mixed: ['Mixed feelings overall.', 'Great doctors, poor organisation.', 'Hope they sort out the admin side.'],
  },
};

/** Joiners for a negative clause after a positive one (and vice versa). */
export const BUT: Record<Lang, string[]> = {
  zh: ['但是', '不过', '可惜', '唯一不满的是'],
  ru: ['но', 'однако', 'правда,', 'единственный минус —'],
  en: ['but', 'however,', 'the only downside is that', 'that said,'],
};

/** Staff sentences: zh/en use {S}; ru uses {S.case}. */
export const STAFF_SENTENCES: Record<Lang, Record<Polarity, string[]>> = {
  zh: {
    pos: ['{S}特别耐心，把每个问题都讲得很清楚', '非常感谢{S}，{sg:他|她}真的很负责', '{S}的技术没得说，一点都不疼', '挂的是{S}的号，果然名不虚传', '{S}下班了还帮我们看完了报告'],
    neg: ['{S}态度很冷淡，问什么都爱答不理', '{S}看了不到三分钟就让我去缴费', '{S}一直催我们做检查', '本来冲着{S}来的，结果很失望'],
  },
  ru: {
    pos: [
      'огромное спасибо {S.dat} за внимательность',
      '{S.nom} всё подробно {sg:объяснил|объяснила}',
      'попали к {S.dat} и ни разу не пожалели',
      '{S.nom} — настоящий профессионал',
      'хочу поблагодарить {S.acc} за профессионализм',
      'очень {g:доволен|довольна} приёмом у {S.gen}',
      'с {S.ins} спокойно, всё делает аккуратно и без боли',
    ],
    neg: [
      '{S.nom} разговаривал{sg:|а} так, будто мы мешаем',
      'у {S.gen} на приёме я {g:пробыл|пробыла} от силы пять минут',
      'жалоба на {S.acc}: ничего не объяснили',
      'к {S.dat} больше не пойду',
      'с {S.ins} так и не удалось нормально поговорить',
    ],
  },
  en: {
    pos: [
      '{S} was incredibly patient and explained everything',
      'huge thanks to {S}, {sg:he|she} really cares',
      "{S} has the gentlest hands, it didn't hurt at all",
      "we booked with {S} on a friend's advice and it was worth it",
      '{S} stayed late to go through our results',
    ],
    neg: ['{S} was dismissive and cold', '{S} spent three minutes with me and sent me to pay', '{S} kept pushing more tests on us', 'we came specifically for {S} and were let down'],
  },
};

export const HASHTAGS: Record<Lang, string[]> = {
  zh: ['#上海看病#', '#就医体验#', '#宝妈日常#', '#体检#', '#牙齿矫正#', '#医美避坑#', '#国际医院#', '#真实测评#'],
  ru: ['#Владивосток', '#клиника', '#отзыв', '#здоровье'],
  en: ['#expatlife', '#shanghai', '#healthcare', '#review'],
};
