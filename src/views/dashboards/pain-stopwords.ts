/*
 * Function words left out of the emerging terms, in their lower-case written form (Russian with
 * е for ё). Chinese single characters never count (a term is a word of two characters or more),
 * so only multi-character function words are listed.
 */

export const ZH_STOP_WORDS = new Set(
  (
    '一个 一些 一下 一点 一直 一样 一次 一起 一定 没有 自己 我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 这么 那么 这里 那里 哪里 什么 怎么 怎么样 为什么 ' +
    '但是 而且 因为 所以 如果 虽然 可是 就是 还是 已经 真的 非常 比较 特别 可以 觉得 感觉 知道 然后 以及 或者 只是 不过 都是 也是 不是 有点 现在 今天 昨天 ' +
    '当时 真是 实在 十分 这次 其实 确实 的话 时候 之后 以后 之前 以前 还有 还要 而是 就是说 不能 不会 不要 不用 没什么 一般 很多 太多 有些 有人 大家 别人 ' +
    '这家 那家 一家 出来 起来 过来 下来 上去 进去 应该 可能 需要 希望 因此 于是 另外 同时 这种 那种 各种 所有 每次 每个 很是 简直 居然 竟然 甚至 终于'
  ).split(' '),
);

export const RU_STOP_WORDS = new Set(
  (
    'и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ещё нет о об из ему теперь когда даже ну ' +
    'вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам ' +
    'чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее неё сейчас были куда ' +
    'зачем всех никогда можно при наконец два другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем свою этой перед ' +
    'иногда чуть том нельзя такой им более всегда конечно всю между очень это весь вся просто также который которая которые которое которых нам наш наша наше наши ' +
    'ваш ваша ваше ваши свой своя свои сказать сказал сказала сказали говорит стал стала стали вообще поэтому хотя однако зато несмотря лишь никто никого нигде никак'
  ).split(' '),
);

export const EN_STOP_WORDS = new Set(
  (
    'a an the and or but if then than so as at by for from in into of on onto to with without about above after again against all am any are arent be because been ' +
    'before being below between both can cannot could did do does doing dont down during each few further had has have having he her here hers herself him himself ' +
    'his how i im ive id ill is isnt it its itself just me more most my myself no nor not now off once only other our ours ourselves out over own same she should ' +
    'some such that thats their theirs them themselves there these they theyre this those through too under until up very was wasnt we were werent what when where ' +
    'which while who whom why will would you your yours yourself yourselves also even ever get got gets go went gone going really still yet us one two three lot ' +
    'much many every anything something nothing everything back come came said say says told tell like well way nobody anyone someone everyone'
  ).split(' '),
);
