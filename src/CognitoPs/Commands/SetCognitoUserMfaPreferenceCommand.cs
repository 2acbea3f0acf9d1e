using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets users' MFA preferences (AdminSetUserMFAPreference): each of -Totp, -Sms and -Email Disabled, Enabled or Preferred; a method not given stays as it is.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CognitoUserMfaPreference", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminSetUserMFAPreference))]
    public sealed class SetCognitoUserMfaPreferenceCommand : CognitoUserChangeCmdlet
    {
        /// <summary>One or more user names. No Email alias here: -Email is the email MFA setting.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [UsernameTransformation("Username", "User")]
        public override string?[]? Username { get => base.Username; set => base.Username = value; }

        /// <summary>The authenticator app (TOTP). Enabling it needs an app the user has already set up.</summary>
        [Parameter]
        public CognitoMfaSetting? Totp { get; set; }

        /// <summary>Codes by SMS to the user's phone number.</summary>
        [Parameter]
        public CognitoMfaSetting? Sms { get; set; }

        /// <summary>Codes by email (pools on the Essentials plan or above).</summary>
        [Parameter]
        public CognitoMfaSetting? Email { get; set; }

        protected override string Activity => "Setting the MFA preferences of Cognito users";

        protected override string Done => "set";

        protected override string Verb => "set the MFA preference of";

        protected override string Change => "MfaPreferenceSet";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Totp is null && Sms is null && Email is null)
            {
                Report(new InputValidationException("MfaSettingMissing", "Give at least one of -Totp, -Sms and -Email.", null, terminating: true),
                    "Cannot set MFA preferences", null, UserPoolId, settingsShared: true);
            }

            if (new[] { Totp, Sms, Email }.Count(setting => setting == CognitoMfaSetting.Preferred) > 1)
            {
                Report(new InputValidationException("MoreThanOnePreferredMfa", "Only one MFA method can be Preferred.", null, terminating: true),
                    "Cannot set MFA preferences", null, UserPoolId, settingsShared: true);
            }
        }

        protected override string ActionFor(PendingUser user) => "Set MFA preference (" + string.Join(", ", Described()) + ")";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminSetUserMfaPreferenceAsync(user.UserPoolId!, user.Username!, Settings(Sms), Settings(Totp), Settings(Email), cancellationToken));

        private static MfaSettings? Settings(CognitoMfaSetting? setting) =>
            setting is null ? null : new MfaSettings(setting != CognitoMfaSetting.Disabled, setting == CognitoMfaSetting.Preferred);

        private IEnumerable<string> Described()
        {
            foreach (var (name, setting) in new[] { ("TOTP", Totp), ("SMS", Sms), ("email", Email) })
            {
                if (setting != null)
                {
                    yield return $"{name} {setting}";
                }
            }
        }
    }
}
