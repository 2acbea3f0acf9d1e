using System.Management.Automation;
using CognitoPs.Client;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets Cognito users' passwords (AdminSetUserPassword), temporary by default, up to -ThrottleLimit at a time.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CognitoUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = GivenPasswordSet)]
    [OutputType(typeof(CognitoUserPasswordResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminSetUserPassword), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class SetCognitoUserPasswordCommand : CognitoUserChangeCmdlet
    {
        private const string GivenPasswordSet = "Password";
        private const string GeneratedPasswordSet = "GeneratePassword";
        private readonly GeneratedPasswords _generated = new GeneratedPasswords();

        /// <summary>The new password. Deliberately not bound from the pipeline: a plain-text column would be echoed in the binding error.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GivenPasswordSet)]
        public SecureString Password { get; set; } = null!;

        /// <summary>A unique random password per user that meets the pool's policy, returned only in the -PassThru object's Password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GeneratedPasswordSet)]
        public SwitchParameter GeneratePassword { get; set; }

        /// <summary>Set the password as permanent (status CONFIRMED). Without it the password is temporary (FORCE_CHANGE_PASSWORD).</summary>
        [Parameter]
        public SwitchParameter Permanent { get; set; }

        protected override string Activity => "Setting Cognito user passwords";

        protected override string Done => "set";

        protected override string Verb => "set the password of";

        protected override string Change => Permanent ? "PermanentPasswordSet" : "TemporaryPasswordSet";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                if (GeneratePassword && !PassThru)
                {
                    throw new InputValidationException("GeneratedPasswordNeedsPassThru",
                        "-GeneratePassword returns each new password only in the -PassThru object; add -PassThru, or the passwords are lost.", null, terminating: true);
                }

                if (!GeneratePassword)
                {
                    InputValidation.CheckPassword(Password);
                }
            }
            catch (InputValidationException ex)
            {
                Report(ex, "Cannot set passwords", null, UserPoolId, settingsShared: true);
            }
        }

        protected override string ActionFor(PendingUser user) =>
            Permanent ? "Set permanent password" : "Set temporary password (must be changed at next sign-in)";

        protected override string Succeeded(PendingUser user) => $"Set a {(Permanent ? "permanent" : "temporary")} password for {user.Target}.";

        protected override void Prepare(PendingUser user)
        {
            if (GeneratePassword)
            {
                user.State = _generated.For(user.Client, user.UserPoolId!, Await, StopToken);
            }
        }

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminSetUserPasswordAsync(user.UserPoolId!, user.Username!, GeneratedFor(user) ?? Password, Permanent, cancellationToken));

        protected override object? Output(PendingUser user, object? reply) =>
            PassThru ? new CognitoUserPasswordResult(user.UserPoolId!, user.Username!, Permanent, user.Client.Region, GeneratedFor(user)) : null;

        protected override void Release(PendingUser user) => GeneratedFor(user)?.Dispose();

        private static SecureString? GeneratedFor(PendingUser user) => user.State as SecureString;
    }
}
