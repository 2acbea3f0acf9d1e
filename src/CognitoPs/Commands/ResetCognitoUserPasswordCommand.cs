using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Resets Cognito users' passwords (AdminResetUserPassword): the current password stops working and the user must choose a new one with a code Cognito sends by email or SMS (RESET_REQUIRED).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "CognitoUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminResetUserPassword))]
    public sealed class ResetCognitoUserPasswordCommand : CognitoUserChangeCmdlet
    {
        protected override string Activity => "Resetting Cognito user passwords";

        protected override string Done => "reset";

        protected override string Verb => "reset the password of";

        protected override string Change => "PasswordReset";

        protected override string ActionFor(PendingUser user) => "Reset password (the user must set a new one with a code Cognito sends)";

        protected override string Succeeded(PendingUser user) => $"Reset the password of {user.Target}; Cognito sends the user a code to choose a new one.";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminResetUserPasswordAsync(user.UserPoolId!, user.Username!, cancellationToken));
    }
}
