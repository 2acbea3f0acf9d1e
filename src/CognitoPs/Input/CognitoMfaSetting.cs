namespace CognitoPs.Commands
{
    /// <summary>What Set-CognitoUserMfaPreference makes of one MFA method.</summary>
    public enum CognitoMfaSetting
    {
        /// <summary>Switched off.</summary>
        Disabled,

        /// <summary>Switched on, not the one Cognito asks for first.</summary>
        Enabled,

        /// <summary>Switched on and asked for first.</summary>
        Preferred,
    }
}
