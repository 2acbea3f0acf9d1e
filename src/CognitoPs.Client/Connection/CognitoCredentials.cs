using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace CognitoPs.Client
{
    /// <summary>
    /// The credentials a command signs with: AWSSDK.Core's, which refresh themselves where they are temporary (an assumed
    /// role, IAM Identity Center, credential_process, web identity). The cmdlets hold them through this class, never an
    /// AWSSDK.Core type: CognitoPs.dll loads in PowerShell's own context, where naming one would bind another module's
    /// AWSSDK.Core.
    /// </summary>
    public sealed class CognitoCredentials
    {
        private readonly PromptRelay _prompts = new PromptRelay();

        internal CognitoCredentials(AWSCredentials aws, string source)
        {
            SdkServiceClients.Register();
            Aws = InModuleContext(aws);
            Source = source;
            Wire(Aws);
        }

        /// <summary>Where the credentials come from, for messages: "profile 'admin'", "-Credential (access key AKID…)", …</summary>
        public string Source { get; }

        /// <summary>
        /// True for temporary credentials the SDK refreshes: worth keeping for the session, so that a role's MFA code is
        /// asked once, not once per command.
        /// </summary>
        public bool Refreshing => Aws is RefreshingAWSCredentials;

        internal AWSCredentials Aws { get; }

        /// <summary>
        /// Resolves the credentials now (assuming a role, asking for an MFA code, reading or renewing an IAM Identity
        /// Center sign-in), asking <paramref name="prompts"/> whatever must be asked, now and at later refreshes.
        /// Throws <see cref="CognitoConfigurationException"/> for every failure.
        /// </summary>
        public void ResolveFor(ICredentialPrompts prompts)
        {
            _prompts.Target = prompts;
            AllowSignIn(Aws, prompts.CanSignIn);
            try
            {
                Aws.GetCredentials();
            }
            catch (Exception ex) when (ex is not CognitoException)
            {
                throw CredentialFailure.Describe(ex, Source);
            }
        }

        /// <summary>The credentials to sign the next request with, refreshed when they have expired.</summary>
        internal async Task<ImmutableCredentials> CurrentAsync()
        {
            try
            {
                return await Aws.GetCredentialsAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not CognitoException)
            {
                throw CredentialFailure.Describe(ex, Source);
            }
        }

        /// <summary>Assumed roles (a chain of them, too) whose STS client comes from the module's own assemblies.</summary>
        private static AWSCredentials InModuleContext(AWSCredentials aws) =>
            aws is AssumeRoleAWSCredentials role and not AssumedRoleCredentials ? new AssumedRoleCredentials(role, InModuleContext(role.SourceCredentials)) : aws;

        /// <summary>Routes the SDK's questions (an MFA code, a sign-in to confirm) to whichever command resolves these credentials.</summary>
        private void Wire(AWSCredentials aws)
        {
            switch (aws)
            {
                case AssumeRoleAWSCredentials role:
                    var serial = role.Options?.MfaSerialNumber;
                    if (!string.IsNullOrEmpty(serial))
                    {
                        role.Options!.MfaTokenCodeCallback = () => _prompts.MfaCode(Source, serial) ?? throw new MfaCodeUnavailableException(Source, serial);
                    }

                    Wire(role.SourceCredentials);
                    break;
                case SSOAWSCredentials sso:
                    sso.Options.ClientName = "CognitoPs";
                    sso.Options.SsoVerificationCallback = sign => _prompts.ShowSignIn(Source, sign.VerificationUriComplete ?? sign.VerificationUri, sign.UserCode);
                    break;
            }
        }

        private static void AllowSignIn(AWSCredentials aws, bool allowed)
        {
            switch (aws)
            {
                case AssumeRoleAWSCredentials role:
                    AllowSignIn(role.SourceCredentials, allowed);
                    break;
                case SSOAWSCredentials sso:
                    sso.Options.SupportsGettingNewToken = allowed;
                    break;
            }
        }

        /// <summary>Forwards to the prompts of the command now resolving the credentials; a session may keep them across commands.</summary>
        private sealed class PromptRelay : ICredentialPrompts
        {
            private ICredentialPrompts? _target;

            public ICredentialPrompts? Target
            {
                get => Volatile.Read(ref _target);
                set => Volatile.Write(ref _target, value);
            }

            public bool CanSignIn => Target?.CanSignIn ?? false;

            public string? MfaCode(string source, string mfaSerial) => Target?.MfaCode(source, mfaSerial);

            public void ShowSignIn(string source, string verificationUri, string userCode) => Target?.ShowSignIn(source, verificationUri, userCode);
        }
    }
}
