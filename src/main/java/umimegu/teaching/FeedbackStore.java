package umimegu.teaching;

/**
 * Every feedback port on one database (the history's): what the wiring hands out. Use cases take
 * the narrow port they need.
 */
public interface FeedbackStore extends AnswerPosts, Judgements, ReviewQueue, ChannelModeStore {}
