using System.Security;

namespace CognitoPs
{
    /// <summary>What Set-CognitoUserPassword -PassThru writes for each user whose password was set.</summary>
    public sealed class CognitoUserPasswordResult
    {
        public CognitoUserPasswordResult(string userPoolId, string username, bool permanent, string region, SecureString? generatedPassword = null)
        {
            UserPoolId = userPoolId;
            Username = username;
            Permanent = permanent;
            Region = region;
            Password = generatedPassword;
        }

        public string UserPoolId { get; }

        public string Username { get; }

        public bool Permanent { get; }

        /// <summary>The user's status after the call: CONFIRMED for a permanent password, FORCE_CHANGE_PASSWORD for a temporary one.</summary>
        public string Status => Permanent ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";

        public string Region { get; }

        /// <summary>The password -GeneratePassword made for this user; null when the caller supplied it.</summary>
        public SecureString? Password { get; }
    }
}
