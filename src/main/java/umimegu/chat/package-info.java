/** The chat core, whatever the platform: messages in, replies out through a {@link umimegu.chat.Conversation}; commands as classes in one registry ({@link umimegu.chat.ChatCommands}); training in the background. */
package umimegu.chat;
