namespace CognitoPs.Client
{
    /// <summary>A line of progress the client raises for -Verbose or -Debug (from any thread).</summary>
    public sealed class ClientMessage
    {
        public ClientMessage(MessageLevel level, string text)
        {
            Level = level;
            Text = text;
        }

        public MessageLevel Level { get; }

        public string Text { get; }
    }
}
