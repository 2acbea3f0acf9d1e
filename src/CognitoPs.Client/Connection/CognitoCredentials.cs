using Amazon.Runtime;

namespace CognitoPs.Client
{
    /// <summary>
    /// Resolved AWS credentials as the cmdlets hold them. CognitoPs.dll loads in PowerShell's own context and must not
    /// name an AWSSDK.Core type: that would bind whichever AWSSDK.Core another module loaded there.
    /// </summary>
    internal sealed class CognitoCredentials
    {
        internal CognitoCredentials(AWSCredentials aws) => Aws = aws;

        internal AWSCredentials Aws { get; }
    }
}
