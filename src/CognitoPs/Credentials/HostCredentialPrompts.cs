using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using CognitoPs.Client;
using CognitoPs.Commands;

namespace CognitoPs
{
    /// <summary>
    /// A command's answers to what resolving credentials asks: the MFA code of a role, read through the host as Read-Host
    /// -AsSecureString would (so it shows neither on screen nor in a transcript), and the IAM Identity Center sign-in to
    /// confirm, written to the host. The host is used on the pipeline thread only, whichever thread asks. Where nobody
    /// can answer (see <see cref="InteractiveSession"/>), nothing is asked and nothing waits.
    /// </summary>
    internal sealed class HostCredentialPrompts : ICredentialPrompts
    {
        private readonly CognitoCmdlet _cmdlet;
        private readonly bool _interactive;
        private readonly bool _maySignIn;

        /// <summary>Call on the pipeline thread.</summary>
        public HostCredentialPrompts(CognitoCmdlet cmdlet, bool maySignIn)
        {
            _cmdlet = cmdlet;
            _interactive = InteractiveSession.Allows(cmdlet.Host);
            _maySignIn = maySignIn;
        }

        public bool CanSignIn => _maySignIn && _interactive;

        public string? MfaCode(string source, string mfaSerial) =>
            _interactive ? _cmdlet.OnPipelineThread(() => Ask(_cmdlet.Host, source, mfaSerial)) : null;

        public void ShowSignIn(string source, string verificationUri, string userCode) => _cmdlet.OnPipelineThread(() =>
        {
            _cmdlet.Host.UI.WriteLine(
                $"To sign in to IAM Identity Center for {source}, open {verificationUri} in a browser and confirm the code {userCode}. Waiting for the sign-in...");
            return true;
        });

        private static string? Ask(PSHost host, string source, string mfaSerial)
        {
            try
            {
                host.UI.Write($"MFA code for {source} (device {mfaSerial}): ");
                using var code = host.UI.ReadLineAsSecureString();
                // The SDK's callback takes the code as a string: six digits, valid for half a minute.
                var plain = SecureStringText.Of(code).Trim();
                return plain.Length == 0 ? null : plain;
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is NotImplementedException || ex is HostException)
            {
                return null; // a host that cannot read after all: the same as a non-interactive session
            }
        }
    }
}
