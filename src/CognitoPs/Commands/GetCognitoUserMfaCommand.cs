using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets users' MFA: the methods switched on, the preferred one (AdminGetUser), and how they can sign in (AdminGetUserAuthFactors, where the endpoint has it).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUserMfa")]
    [OutputType(typeof(CognitoUserMfa))]
    [CognitoOperations(nameof(CognitoOperation.AdminGetUser), nameof(CognitoOperation.AdminGetUserAuthFactors))]
    public sealed class GetCognitoUserMfaCommand : CognitoUserActionCmdlet
    {
        protected override string Activity => "Reading the MFA of Cognito users";

        protected override string Done => "read";

        protected override string Verb => "read the MFA of";

        protected override string ActionFor(PendingUser user) => "Read MFA";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) => ReadAsync(user, cancellationToken);

        protected override object? Output(PendingUser user, object? reply)
        {
            var (record, factors, note) = ((UserRecord, AuthFactorsRecord?, string?))reply!;
            if (note != null)
            {
                WriteVerbose(note);
            }

            return new CognitoUserMfa(user.Username!, user.UserPoolId!, user.Client.Region, user.EndpointUrl,
                factors?.PreferredMfa ?? record.PreferredMfa, factors?.EnabledMfa is { Count: > 0 } enabled ? enabled : record.EnabledMfa, factors?.AuthFactors);
        }

        private static async Task<object?> ReadAsync(PendingUser user, CancellationToken cancellationToken)
        {
            var record = await user.Client.AdminGetUserAsync(user.UserPoolId!, user.Username!, cancellationToken).ConfigureAwait(false);
            try
            {
                var factors = await user.Client.AdminGetUserAuthFactorsAsync(user.UserPoolId!, user.Username!, cancellationToken).ConfigureAwait(false);
                return (record, (AuthFactorsRecord?)factors, (string?)null);
            }
            catch (CognitoServiceException ex) when (ex.MeansUnknownOperation)
            {
                // An endpoint without it (an older Cognito-compatible service): what AdminGetUser tells is all there is.
                return (record, (AuthFactorsRecord?)null, (string?)$"{user.Client.Endpoint.Host} does not know AdminGetUserAuthFactors ({ex.ErrorCode}): AuthFactors of {user.Target} is left empty.");
            }
        }
    }
}
