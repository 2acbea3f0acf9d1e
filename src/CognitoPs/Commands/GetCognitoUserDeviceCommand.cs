using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the devices Cognito tracks for users (AdminListDevices, every page): which are remembered (and may skip MFA), where they last signed in from.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUserDevice")]
    [OutputType(typeof(CognitoUserDevice))]
    [CognitoOperations(nameof(CognitoOperation.AdminListDevices))]
    public sealed class GetCognitoUserDeviceCommand : CognitoUserActionCmdlet
    {
        protected override string Activity => "Listing the devices of Cognito users";

        protected override string Done => "listed";

        protected override string Verb => "list the devices of";

        protected override string ActionFor(PendingUser user) => "List devices";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithReply(Pages.AllAsync(token => user.Client.AdminListDevicesAsync(user.UserPoolId!, user.Username!, PagingCounter.MaxPageSize, token, cancellationToken)));

        protected override object? Output(PendingUser user, object? reply) =>
            ((System.Collections.Generic.IReadOnlyList<DeviceRecord>)reply!)
                .Select(device => new CognitoUserDevice(device, user.Username!, user.UserPoolId!, user.Client.Region, user.EndpointUrl))
                .ToArray();
    }
}
