using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Imports users from a CSV file with a Cognito import job: checks every row first, uploads the file, starts the job and waits for it, showing progress.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "CognitoUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserImportJob))]
    [CognitoOperations(nameof(CognitoOperation.DescribeUserPool), nameof(CognitoOperation.GetCSVHeader), nameof(CognitoOperation.CreateUserImportJob),
        nameof(CognitoOperation.StartUserImportJob), nameof(CognitoOperation.DescribeUserImportJob), Occasional = new[] { nameof(CognitoOperation.StopUserImportJob) })]
    public sealed class ImportCognitoUserCommand : CognitoPoolCmdlet
    {
        private static readonly Regex RoleArnPattern = new Regex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}\z", RegexOptions.CultureInvariant);
        private bool _imported;

        /// <summary>The CSV file: exactly the columns GetCSVHeader names (Export-CognitoUser -Format CognitoImport writes such a file). At most 100 MB and 500,000 users.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; } = "";

        /// <summary>The IAM role the job logs its results with in CloudWatch Logs, e.g. arn:aws:iam::123456789012:role/CognitoImport.</summary>
        [Parameter(Mandatory = true)]
        public string CloudWatchLogsRoleArn { get; set; } = "";

        /// <summary>The job's name (default: CognitoPs- and the file's name); it names the job's CloudWatch log group.</summary>
        [Parameter]
        public string? JobName { get; set; }

        /// <summary>Returns the started job without waiting for it (Get-CognitoUserImportJob follows it).</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>Seconds between two looks at the running job.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int PollIntervalSec { get; set; } = 5;

        protected override void ProcessRecord()
        {
            var userPoolId = CurrentPoolId;
            try
            {
                if (_imported)
                {
                    throw new InputValidationException("OnePoolPerImport", "Import-CognitoUser imports one file into one pool; pipe it one pool at a time.", userPoolId, terminating: false);
                }

                _imported = true;
                Import(ResolveCurrentPool(), SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path));
            }
            catch (CognitoException ex)
            {
                Report(ex, $"Cannot import users into user pool '{userPoolId}'", null, userPoolId, PoolShared);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Report(new UserFileException($"Cannot read '{Path}': {ex.Message}", ex), $"Cannot import users into user pool '{userPoolId}'", null, userPoolId, PoolShared);
            }
        }

        private void Import(PoolTarget pool, string file)
        {
            if (!RoleArnPattern.IsMatch(CloudWatchLogsRoleArn))
            {
                throw new InputValidationException("InvalidRoleArn",
                    $"'{CloudWatchLogsRoleArn}' is not an IAM role ARN such as arn:aws:iam::123456789012:role/CognitoImport.", CloudWatchLogsRoleArn, terminating: true);
            }

            var rows = CheckFile(pool, file);
            var jobName = JobName ?? DefaultJobName(file);
            if (!ShouldProcess($"user pool '{pool.UserPoolId}'", $"Import {rows} users from {file} with import job '{jobName}'"))
            {
                return;
            }

            var client = pool.Client;
            var job = Await(client.CreateUserImportJobAsync(pool.UserPoolId, jobName, CloudWatchLogsRoleArn, StopToken));
            WriteVerbose($"Created import job {job.JobId}; uploading {file}.");
            using (var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                Await(client.UploadImportFileAsync(new Uri(job.PreSignedUrl!), content, StopToken));
            }

            job = Await(client.StartUserImportJobAsync(pool.UserPoolId, job.JobId, StopToken));
            WriteVerbose($"Started import job {job.JobId} ({rows} users).");
            if (!NoWait)
            {
                job = Wait(pool, job, rows);
            }

            var result = new CognitoUserImportJob(job, client.Region, pool.EndpointUrl);
            WriteObject(result);
            if (job.FailedUsers > 0)
            {
                WriteWarning($"{job.FailedUsers} of {rows} users were not imported; Cognito logs why only to CloudWatch Logs, log group {result.LogGroup}.");
            }

            if (job.Status == "Failed" || job.Status == "Expired")
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"Import job {job.JobId} ended {job.Status}: {job.CompletionMessage}"),
                    "ImportJob" + job.Status, ErrorCategory.InvalidResult, result));
            }
        }

        /// <summary>Every row checked before anything is created: each bad row is its own error, and any stops the import.</summary>
        /// <returns>The number of users in the file.</returns>
        private int CheckFile(PoolTarget pool, string file)
        {
            if (!File.Exists(file))
            {
                throw new UserFileException($"'{file}' does not exist.");
            }

            var size = new FileInfo(file).Length;
            if (size > ImportFileCheck.MaxBytes)
            {
                throw new UserFileException($"'{file}' has {size:N0} bytes; an import job takes at most 100 MB. Split it.");
            }

            var described = Await(pool.Client.DescribeUserPoolAsync(pool.UserPoolId, StopToken));
            var header = Await(pool.Client.GetCsvHeaderAsync(pool.UserPoolId, StopToken));
            var check = new ImportFileCheck(header, described.RequiredAttributes, described.UsernameAttributes.Concat(described.AliasAttributes).ToList());
            var bad = 0;
            using (var text = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read), new UTF8Encoding(false)))
            {
                foreach (var problem in check.Check(text))
                {
                    bad++;
                    WriteError(new ErrorRecord(new InvalidDataException($"{System.IO.Path.GetFileName(file)}, line {problem.Line}: {problem.Message}"),
                        problem.ErrorId, ErrorCategory.InvalidData, $"{file}:{problem.Line}"));
                }
            }

            if (bad > 0)
            {
                throw new InputValidationException("ImportFileInvalid",
                    $"{bad} line(s) of '{file}' would fail (see the errors above, each with its line number); nothing was imported.", file, terminating: true);
            }

            if (check.Rows == 0)
            {
                throw new InputValidationException("ImportFileEmpty", $"'{file}' has a header but no users; nothing was imported.", file, terminating: true);
            }

            WriteVerbose($"{check.Rows} users in {file} are ready to import.");
            return check.Rows;
        }

        /// <summary>Polls the job until it ends, with progress; Ctrl+C (in a console) asks whether to stop the job, leave it running, or keep waiting.</summary>
        private UserImportJobRecord Wait(PoolTarget pool, UserImportJobRecord job, int rows)
        {
            var activity = $"Import job {job.JobId} into user pool '{pool.UserPoolId}'";
            using var controlC = new ControlCWatch(Host);
            while (!job.Ended)
            {
                var done = job.ImportedUsers + job.SkippedUsers + job.FailedUsers;
                WriteProgress(new ProgressRecord(7, activity, $"{job.Status}: {job.ImportedUsers} imported, {job.SkippedUsers} skipped, {job.FailedUsers} failed of {rows}")
                {
                    PercentComplete = (int)Math.Min(100, 100 * done / Math.Max(1, rows)),
                });
                for (var waited = 0; waited < PollIntervalSec * 10; waited++)
                {
                    StopToken.WaitHandle.WaitOne(100);
                    if (StopToken.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }

                    if (controlC.Pressed())
                    {
                        switch (AskAboutControlC(job))
                        {
                            case 0:
                                WriteVerbose($"Stopping import job {job.JobId}.");
                                Await(pool.Client.StopUserImportJobAsync(pool.UserPoolId, job.JobId, StopToken));
                                break;
                            case 1:
                                WriteWarning($"Import job {job.JobId} keeps running; Get-CognitoUserImportJob {job.JobId} -UserPoolId {pool.UserPoolId} shows it.");
                                return job;
                        }
                    }
                }

                job = Await(pool.Client.DescribeUserImportJobAsync(pool.UserPoolId, job.JobId, StopToken));
            }

            WriteProgress(new ProgressRecord(7, activity, job.Status ?? "") { RecordType = ProgressRecordType.Completed });
            return job;
        }

        private int AskAboutControlC(UserImportJobRecord job) => Host.UI.PromptForChoice(
            $"Import job {job.JobId} is still running",
            "Stop the job (users imported so far stay), leave it running and return, or keep waiting?",
            new Collection<ChoiceDescription>
            {
                new ChoiceDescription("&Stop the job", "StopUserImportJob: no more users are imported."),
                new ChoiceDescription("&Leave it running", "Return now; the job goes on in Cognito."),
                new ChoiceDescription("&Keep waiting", "Go on waiting for the job to end."),
            },
            2);

        private static string DefaultJobName(string file)
        {
            var name = Regex.Replace(System.IO.Path.GetFileNameWithoutExtension(file), @"[^\w\s+=,.@-]", "-");
            return ("CognitoPs-" + name + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)) is var full && full.Length > 128 ? full.Substring(0, 128) : full;
        }
    }
}
