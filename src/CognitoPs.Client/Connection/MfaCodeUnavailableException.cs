using System;

namespace CognitoPs.Client
{
    /// <summary>A role needs an MFA code and nobody can be asked for one (thrown from the SDK's MFA callback).</summary>
    internal sealed class MfaCodeUnavailableException : Exception
    {
        public MfaCodeUnavailableException(string source, string mfaSerial)
            : base($"The role of {source} needs a code from MFA device {mfaSerial}, and this session cannot ask for one.")
        {
            CredentialSource = source;
            MfaSerial = mfaSerial;
        }

        public string CredentialSource { get; }

        public string MfaSerial { get; }
    }
}
