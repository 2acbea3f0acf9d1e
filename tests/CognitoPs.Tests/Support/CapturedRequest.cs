namespace CognitoPs.Tests
{
    /// <summary>One request as the fake server saw it.</summary>
    internal sealed record CapturedRequest(string Method, string Path, string? ContentType, string? Target, string? Authorization, string? SecurityToken, string Body);
}
