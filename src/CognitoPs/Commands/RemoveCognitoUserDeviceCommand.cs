using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets users' devices (AdminForgetDevice): the device must sign in in full (with MFA) again. Pipe Get-CognitoUserDevice's output to forget those devices.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CognitoUserDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminForgetDevice), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class RemoveCognitoUserDeviceCommand : CognitoUserChangeCmdlet
    {
        /// <summary>The device to forget. Binds from the DeviceKey of Get-CognitoUserDevice's output; tab-completes the user's devices.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(DeviceKeyCompleter))]
        public string? DeviceKey { get; set; }

        protected override string Activity => "Forgetting the devices of Cognito users";

        protected override string Done => "forgotten";

        protected override string Verb => "forget a device of";

        protected override string Change => "DeviceForgotten";

        // Read here, on the pipeline thread: a piped DeviceKey changes with the next object.
        protected override void Check(PendingUser user)
        {
            InputValidation.CheckDeviceKey(DeviceKey, fromCommandLine: false);
            user.State = DeviceKey;
        }

        protected override string ActionFor(PendingUser user) => $"Forget device '{user.State}'";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminForgetDeviceAsync(user.UserPoolId!, user.Username!, (string)user.State!, cancellationToken));
    }
}
