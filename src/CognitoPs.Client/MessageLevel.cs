namespace CognitoPs.Client
{
    /// <summary>Which stream a <see cref="ClientMessage"/> belongs to.</summary>
    public enum MessageLevel
    {
        Verbose,
        Debug,
    }
}
