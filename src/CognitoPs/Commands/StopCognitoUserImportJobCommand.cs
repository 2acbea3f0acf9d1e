using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops running user import jobs (StopUserImportJob): users imported so far stay, the rest of the file is not imported.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "CognitoUserImportJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserImportJob))]
    [CognitoOperations(nameof(CognitoOperation.StopUserImportJob))]
    public sealed class StopCognitoUserImportJobCommand : CognitoPoolCmdlet
    {
        /// <summary>The jobs to stop. Binds from the JobId of Import-CognitoUser's and Get-CognitoUserImportJob's output.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[] JobId { get; set; } = new string[0];

        /// <summary>Writes each job as it is after the stop (Stopping, then Stopped).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var userPoolId = CurrentPoolId;
            foreach (var id in JobId)
            {
                try
                {
                    var pool = ResolveCurrentPool();
                    InputValidation.CheckJobId(id, fromCommandLine: false);
                    if (ShouldProcess($"import job '{id}' in user pool '{pool.UserPoolId}'", "Stop import job"))
                    {
                        var job = Await(pool.Client.StopUserImportJobAsync(pool.UserPoolId, id, StopToken));
                        if (PassThru)
                        {
                            WriteObject(new CognitoUserImportJob(job, pool.Client.Region, pool.EndpointUrl));
                        }
                    }
                }
                catch (CognitoException ex)
                {
                    Report(ex, $"Cannot stop import job '{id}' of user pool '{userPoolId}'", null, userPoolId, PoolShared);
                }
            }
        }
    }
}
