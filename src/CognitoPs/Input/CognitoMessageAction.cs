namespace CognitoPs.Commands
{
    /// <summary>What AdminCreateUser does about the invitation message.</summary>
    public enum CognitoMessageAction
    {
        Suppress,
        Resend,
    }
}
