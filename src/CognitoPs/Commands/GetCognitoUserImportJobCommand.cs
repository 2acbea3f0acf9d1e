using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets user import jobs: by id (DescribeUserImportJob), or every job of the pool, newest first (ListUserImportJobs).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUserImportJob")]
    [OutputType(typeof(CognitoUserImportJob))]
    [CognitoOperations(nameof(CognitoOperation.DescribeUserImportJob), nameof(CognitoOperation.ListUserImportJobs))]
    public sealed class GetCognitoUserImportJobCommand : CognitoPoolCmdlet
    {
        /// <summary>The jobs to get (default: every job of the pool). Binds from the JobId of Import-CognitoUser's output.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[]? JobId { get; set; }

        protected override void ProcessRecord()
        {
            var userPoolId = CurrentPoolId;
            try
            {
                var pool = ResolveCurrentPool();
                if (JobId is null)
                {
                    WritePages((token, size) => pool.Client.ListUserImportJobsAsync(pool.UserPoolId, size, token, StopToken),
                        job => WriteObject(new CognitoUserImportJob(job, pool.Client.Region, pool.EndpointUrl)), new PagingCounter(null));
                    return;
                }

                foreach (var id in JobId)
                {
                    try
                    {
                        InputValidation.CheckJobId(id, fromCommandLine: false);
                        WriteObject(new CognitoUserImportJob(Await(pool.Client.DescribeUserImportJobAsync(pool.UserPoolId, id, StopToken)), pool.Client.Region, pool.EndpointUrl));
                    }
                    catch (CognitoException ex) when (ex is ImportJobNotFoundException || ex is InputValidationException)
                    {
                        Report(ex, $"Cannot get import job '{id}' of user pool '{pool.UserPoolId}'", null, pool.UserPoolId, PoolShared);
                    }
                }
            }
            catch (CognitoException ex)
            {
                Report(ex, $"Cannot get the import jobs of user pool '{userPoolId}'", null, userPoolId, PoolShared);
            }
        }
    }
}
