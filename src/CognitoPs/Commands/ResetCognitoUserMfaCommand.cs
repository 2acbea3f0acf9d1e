using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Resets users' MFA when they lost their phone (AdminDeleteSoftwareToken): the authenticator app is removed, so the next sign-in asks to set one up where the pool requires MFA; -ForgetDevices and -SignOut go further.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "CognitoUserMfa", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminDeleteSoftwareToken), nameof(CognitoOperation.AdminListDevices), nameof(CognitoOperation.AdminForgetDevice),
        nameof(CognitoOperation.AdminUserGlobalSignOut), Occasional = new[] { nameof(CognitoOperation.AdminSetUserMFAPreference), nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class ResetCognitoUserMfaCommand : CognitoUserChangeCmdlet
    {
        /// <summary>Also forget every device the user's sign-ins remembered (a remembered device may skip MFA).</summary>
        [Parameter]
        public SwitchParameter ForgetDevices { get; set; }

        /// <summary>Also sign the user out everywhere (AdminUserGlobalSignOut): refresh tokens stop working.</summary>
        [Parameter]
        public SwitchParameter SignOut { get; set; }

        protected override string Activity => "Resetting the MFA of Cognito users";

        protected override string Done => "reset";

        protected override string Verb => "reset the MFA of";

        protected override string Change => "MfaReset";

        protected override string ActionFor(PendingUser user) =>
            "Remove the authenticator app (TOTP)" + (ForgetDevices ? ", forget every remembered device" : "") + (SignOut ? ", sign out everywhere" : "");

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) => ResetAsync(user, ForgetDevices, SignOut, cancellationToken);

        protected override object? Output(PendingUser user, object? reply)
        {
            if (reply is string warning)
            {
                WriteWarning(warning);
            }

            return base.Output(user, reply);
        }

        /// <returns>A warning to write, or null.</returns>
        private static async Task<object?> ResetAsync(PendingUser user, bool forgetDevices, bool signOut, CancellationToken cancellationToken)
        {
            var (client, pool, name) = (user.Client, user.UserPoolId!, user.Username!);
            string? warning = null;
            try
            {
                await client.AdminDeleteSoftwareTokenAsync(pool, name, cancellationToken).ConfigureAwait(false);
            }
            catch (CognitoServiceException ex) when (ex.MeansUnknownOperation)
            {
                // An endpoint from before AdminDeleteSoftwareToken: TOTP can only be switched off.
                await client.AdminSetUserMfaPreferenceAsync(pool, name, null, new MfaSettings(enabled: false, preferred: false), null, cancellationToken).ConfigureAwait(false);
                warning = $"{client.Endpoint.Host} does not know AdminDeleteSoftwareToken: TOTP was switched off for {user.Target}, "
                    + "but the old authenticator app stays registered (switching TOTP on again would accept its codes).";
            }

            if (forgetDevices)
            {
                var devices = await Pages.AllAsync(token => client.AdminListDevicesAsync(pool, name, PagingCounter.MaxPageSize, token, cancellationToken)).ConfigureAwait(false);
                foreach (var device in devices)
                {
                    try
                    {
                        await client.AdminForgetDeviceAsync(pool, name, device.DeviceKey, cancellationToken).ConfigureAwait(false);
                    }
                    catch (DeviceNotFoundException)
                    {
                        // Forgotten meanwhile (the user signed out of it, or another admin): what was wanted.
                    }
                }
            }

            if (signOut)
            {
                await client.AdminUserGlobalSignOutAsync(pool, name, cancellationToken).ConfigureAwait(false);
            }

            return warning;
        }
    }
}
