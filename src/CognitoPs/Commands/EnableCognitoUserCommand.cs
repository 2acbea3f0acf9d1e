using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Enables Cognito users that were disabled (AdminEnableUser), so they can sign in again.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "CognitoUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminEnableUser))]
    public sealed class EnableCognitoUserCommand : CognitoUserChangeCmdlet
    {
        protected override string Activity => "Enabling Cognito users";

        protected override string Done => "enabled";

        protected override string Verb => "enable";

        protected override string Change => "Enabled";

        protected override string ActionFor(PendingUser user) => "Enable user";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminEnableUserAsync(user.UserPoolId!, user.Username!, cancellationToken));
    }
}
