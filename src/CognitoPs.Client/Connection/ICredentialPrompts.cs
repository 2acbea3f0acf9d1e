namespace CognitoPs.Client
{
    /// <summary>
    /// What resolving credentials may need from the person at the keyboard: an MFA code for a role, or confirming an IAM
    /// Identity Center sign-in. The cmdlets answer through the PowerShell host; a session nobody can answer in says so.
    /// </summary>
    public interface ICredentialPrompts
    {
        /// <summary>True when an IAM Identity Center sign-in (the device authorization flow) may start now.</summary>
        bool CanSignIn { get; }

        /// <summary>The current code of <paramref name="mfaSerial"/>, or null when nobody can be asked (a non-interactive session).</summary>
        string? MfaCode(string source, string mfaSerial);

        /// <summary>Shows where to confirm the sign-in that has just started, and its code.</summary>
        void ShowSignIn(string source, string verificationUri, string userCode);
    }
}
