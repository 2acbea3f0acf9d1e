using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Credentials for a command: the session's, where it already holds temporary ones for the same identity (so that a
    /// role's MFA code or an IAM Identity Center sign-in is asked for once per session, not per command), else newly made.
    /// </summary>
    internal static class SessionCredentials
    {
        /// <summary>Looked up on the pipeline thread (the session is the runspace's); resolve them with <see cref="Keep"/> after.</summary>
        public static CognitoCredentials For(ConnectionOptions settings) =>
            CognitoSession.KeptCredentials(settings.IdentityKey()) ?? settings.Credentials();

        /// <summary>Keeps resolved temporary credentials for the session's later commands (pipeline thread).</summary>
        public static void Keep(ConnectionOptions settings, CognitoCredentials resolved)
        {
            if (resolved.Refreshing)
            {
                CognitoSession.KeepCredentials(settings.IdentityKey(), resolved);
            }
        }
    }
}
