namespace CognitoPs.Client
{
    /// <summary>One MFA method's setting for AdminSetUserMFAPreference: switched on, and whether it is the one Cognito asks for.</summary>
    public sealed class MfaSettings
    {
        public MfaSettings(bool enabled, bool preferred)
        {
            Enabled = enabled;
            Preferred = preferred;
        }

        public bool Enabled { get; }

        public bool Preferred { get; }
    }
}
