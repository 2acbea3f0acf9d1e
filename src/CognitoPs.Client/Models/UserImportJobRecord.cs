using System;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>A user import job (UserImportJobType), as CreateUserImportJob, DescribeUserImportJob and the others return it.</summary>
    public sealed class UserImportJobRecord
    {
        public string JobId { get; set; } = "";

        public string? JobName { get; set; }

        public string UserPoolId { get; set; } = "";

        /// <summary>Created, Pending, InProgress, Stopping, Expired, Stopped, Failed or Succeeded.</summary>
        public string? Status { get; set; }

        /// <summary>Where the CSV file goes (HTTP PUT, with x-amz-server-side-encryption: aws:kms). Valid for a limited time.</summary>
        public string? PreSignedUrl { get; set; }

        public DateTime? Created { get; set; }

        public DateTime? Started { get; set; }

        public DateTime? Completed { get; set; }

        public string? CloudWatchLogsRoleArn { get; set; }

        public long ImportedUsers { get; set; }

        public long SkippedUsers { get; set; }

        public long FailedUsers { get; set; }

        public string? CompletionMessage { get; set; }

        /// <summary>True once the job can change no more: Stopped, Failed, Succeeded or Expired.</summary>
        public bool Ended => Status is "Stopped" or "Failed" or "Succeeded" or "Expired";

        internal static UserImportJobRecord Read(JsonElement job) => new UserImportJobRecord
        {
            JobId = Json.String(job, "JobId") ?? "",
            JobName = Json.String(job, "JobName"),
            UserPoolId = Json.String(job, "UserPoolId") ?? "",
            Status = Json.String(job, "Status"),
            PreSignedUrl = Json.String(job, "PreSignedUrl"),
            Created = Json.Date(job, "CreationDate"),
            Started = Json.Date(job, "StartDate"),
            Completed = Json.Date(job, "CompletionDate"),
            CloudWatchLogsRoleArn = Json.String(job, "CloudWatchLogsRoleArn"),
            ImportedUsers = Long(job, "ImportedUsers"),
            SkippedUsers = Long(job, "SkippedUsers"),
            FailedUsers = Long(job, "FailedUsers"),
            CompletionMessage = Json.String(job, "CompletionMessage"),
        };

        private static long Long(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;
    }
}
