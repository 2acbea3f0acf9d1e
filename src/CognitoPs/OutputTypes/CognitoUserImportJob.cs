using System;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// A user import job: its status and counts, and where its failed rows are logged. Pipes into
    /// Get-/Stop-CognitoUserImportJob by JobId and UserPoolId.
    /// </summary>
    public sealed class CognitoUserImportJob
    {
        internal CognitoUserImportJob(UserImportJobRecord job, string region, string? endpointUrl)
        {
            JobId = job.JobId;
            JobName = job.JobName;
            UserPoolId = job.UserPoolId;
            Status = job.Status;
            Created = job.Created;
            Started = job.Started;
            Completed = job.Completed;
            ImportedUsers = job.ImportedUsers;
            SkippedUsers = job.SkippedUsers;
            FailedUsers = job.FailedUsers;
            CompletionMessage = job.CompletionMessage;
            CloudWatchLogsRoleArn = job.CloudWatchLogsRoleArn;
            Region = region;
            EndpointUrl = endpointUrl;
        }

        public string JobId { get; }

        public string? JobName { get; }

        /// <summary>Created, Pending, InProgress, Stopping, Stopped, Failed, Succeeded or Expired.</summary>
        public string? Status { get; }

        public long ImportedUsers { get; }

        public long SkippedUsers { get; }

        /// <summary>Rows the job could not import; why is in <see cref="LogGroup"/> (CloudWatch Logs) only.</summary>
        public long FailedUsers { get; }

        public string? CompletionMessage { get; }

        public DateTime? Created { get; }

        public DateTime? Started { get; }

        public DateTime? Completed { get; }

        public string? CloudWatchLogsRoleArn { get; }

        /// <summary>The CloudWatch Logs log group the job writes its failed rows to.</summary>
        public string LogGroup => $"/aws/cognito/userpools/{UserPoolId}/{JobName}";

        public string UserPoolId { get; }

        public string Region { get; }

        public string? EndpointUrl { get; }

        public override string ToString() => JobId;
    }
}
