using System;
using System.Management.Automation;
using System.Security;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets a Cognito user's password (AdminSetUserPassword), temporary by default.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CognitoUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserPasswordResult))]
    public sealed class SetCognitoUserPasswordCommand : CognitoCmdlet
    {
        /// <summary>The user pool id, e.g. eu-west-1_Ab12CdE3f. Binds from a UserPoolId property of piped objects; default: the connected pool.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? UserPoolId { get; set; }

        /// <summary>One or more user names (or aliases such as an email, where the pool allows them).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User", "Email")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [UsernameTransformation("Username", "User", "Email")]
        public string?[]? Username { get; set; }

        /// <summary>The new password. Deliberately not bound from the pipeline: a plain-text column would be echoed in the binding error.</summary>
        [Parameter(Mandatory = true)]
        public SecureString Password { get; set; } = null!;

        /// <summary>Set the password as permanent (status CONFIRMED). Without it the password is temporary (FORCE_CHANGE_PASSWORD).</summary>
        [Parameter]
        public SwitchParameter Permanent { get; set; }

        /// <summary>Write a result object for each user whose password was set.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Do not ask for confirmation (an explicit -Confirm still asks; -WhatIf is still honoured).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                InputValidation.CheckPassword(Password);
                if (MyInvocation.BoundParameters.ContainsKey(nameof(UserPoolId)))
                {
                    InputValidation.CheckUserPoolId(UserPoolId, shared: true);
                    CurrentSettings().CheckRegionMatches(UserPoolId!, settingsShared: true);
                }
            }
            catch (InputValidationException ex)
            {
                Report(ex, "Cannot set passwords", null, UserPoolId, settingsShared: true);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var username in Username ?? new string?[] { null })
            {
                SetPassword(username);
            }
        }

        private void SetPassword(string? username)
        {
            var userPoolId = PoolIdOrDefault(UserPoolId);
            var shared = SettingsShared(nameof(UserPoolId), UserPoolId);
            var activity = $"Cannot set the password of user '{username}' in user pool '{userPoolId}'";
            try
            {
                InputValidation.CheckUserPoolId(userPoolId, shared);
                var settings = CurrentSettings();
                settings.Validate();
                settings.CheckRegionMatches(userPoolId!, shared);
                InputValidation.CheckUsername(username, fromCommandLine: false);

                var action = Permanent ? "Set permanent password" : "Set temporary password (must be changed at next sign-in)";
                if (!ShouldProcess($"user '{username}' in user pool '{userPoolId}'", action, Force))
                {
                    return;
                }

                var client = ClientFor(settings, userPoolId);
                Await(client.AdminSetUserPasswordAsync(userPoolId!, username!, Password, Permanent, StopToken));
                WriteVerbose($"Set a {(Permanent ? "permanent" : "temporary")} password for user '{username}' in user pool '{userPoolId}'.");
                if (PassThru)
                {
                    WriteObject(new CognitoUserPasswordResult(userPoolId!, username!, Permanent, client.Region));
                }
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Report(ex, activity, username, userPoolId, shared);
            }
        }
    }
}
