using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes Cognito users (AdminDeleteUser), with their attributes and group memberships; this cannot be undone.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CognitoUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminDeleteUser))]
    public sealed class RemoveCognitoUserCommand : CognitoUserChangeCmdlet
    {
        protected override string Activity => "Removing Cognito users";

        protected override string Done => "removed";

        protected override string Verb => "remove";

        protected override string Change => "Removed";

        protected override string ActionFor(PendingUser user) => "Delete user and all of their attributes (cannot be undone)";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminDeleteUserAsync(user.UserPoolId!, user.Username!, cancellationToken));
    }
}
