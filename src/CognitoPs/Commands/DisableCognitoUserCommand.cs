using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Disables Cognito users (AdminDisableUser): they can no longer sign in, and their access tokens are revoked; nothing else about them changes.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "CognitoUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminDisableUser))]
    public sealed class DisableCognitoUserCommand : CognitoUserChangeCmdlet
    {
        protected override string Activity => "Disabling Cognito users";

        protected override string Done => "disabled";

        protected override string Verb => "disable";

        protected override string Change => "Disabled";

        protected override string ActionFor(PendingUser user) => "Disable user";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminDisableUserAsync(user.UserPoolId!, user.Username!, cancellationToken));
    }
}
