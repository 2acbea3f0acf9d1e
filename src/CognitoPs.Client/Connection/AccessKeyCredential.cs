using System;
using System.Security;

namespace CognitoPs.Client
{
    /// <summary>
    /// Credentials given outright (-Credential): an access key id, its secret and, for temporary credentials, a session
    /// token. The secret stays a SecureString until the credentials are resolved for signing.
    /// </summary>
    public sealed class AccessKeyCredential
    {
        public AccessKeyCredential(string accessKeyId, SecureString secretAccessKey, string? sessionToken = null)
        {
            AccessKeyId = accessKeyId ?? throw new ArgumentNullException(nameof(accessKeyId));
            SecretAccessKey = secretAccessKey ?? throw new ArgumentNullException(nameof(secretAccessKey));
            SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        }

        public string AccessKeyId { get; }

        public SecureString SecretAccessKey { get; }

        public string? SessionToken { get; }
    }
}
