using System.Management.Automation;

namespace CognitoPs.Commands
{
    /// <summary>
    /// A per-user cmdlet that changes users and writes nothing unless asked: -PassThru writes one
    /// <see cref="CognitoUserActionResult"/> per user it changed.
    /// </summary>
    public abstract class CognitoUserChangeCmdlet : CognitoUserActionCmdlet
    {
        /// <summary>Write a result object (user, pool, region, what was done) for each user that was changed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The result's Action, e.g. "Disabled".</summary>
        protected abstract string Change { get; }

        protected override object? Output(PendingUser user, object? reply) =>
            PassThru ? new CognitoUserActionResult(user.UserPoolId!, user.Username!, Change, user.Client.Region, user.EndpointUrl, user.GroupName) : null;
    }
}
