using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the identities of external providers (Google, SAML, OIDC, ...) linked to users, from their identities attribute (AdminGetUser).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUserIdentity")]
    [OutputType(typeof(CognitoUserIdentity))]
    [CognitoOperations(nameof(CognitoOperation.AdminGetUser))]
    public sealed class GetCognitoUserIdentityCommand : CognitoUserActionCmdlet
    {
        protected override string Activity => "Reading the linked identities of Cognito users";

        protected override string Done => "read";

        protected override string Verb => "read the linked identities of";

        protected override string ActionFor(PendingUser user) => "Read linked identities";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithReply(user.Client.AdminGetUserAsync(user.UserPoolId!, user.Username!, cancellationToken));

        protected override object? Output(PendingUser user, object? reply)
        {
            var identities = LinkedIdentityRecord.ReadAll((UserRecord)reply!);
            if (identities is null)
            {
                WriteWarning($"The identities attribute of {user.Target} is not the JSON Cognito writes; it was skipped.");
                return Array.Empty<CognitoUserIdentity>();
            }

            return identities.Select(identity => new CognitoUserIdentity(user.Username!, user.UserPoolId!, user.Client.Region, user.EndpointUrl, identity)).ToArray();
        }
    }
}
