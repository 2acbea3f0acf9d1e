using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>User import jobs: the CSV header, the job's life cycle, and the upload of the file to the job's pre-signed URL.</summary>
    public sealed partial class CognitoClient
    {
        /// <summary>The header line an import file must have, column by column (GetCSVHeader).</summary>
        public Task<IReadOnlyList<string>> GetCsvHeaderAsync(string userPoolId, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.GetCSVHeader, RequestTarget.Pool(userPoolId), body => body.WriteString("UserPoolId", userPoolId),
                reply => (IReadOnlyList<string>)Json.List(reply, "CSVHeader", item => item.GetString() ?? ""), cancellationToken);

        /// <summary>CreateUserImportJob: a job in status Created, with the URL its file goes to.</summary>
        public Task<UserImportJobRecord> CreateUserImportJobAsync(string userPoolId, string jobName, string cloudWatchLogsRoleArn, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.CreateUserImportJob, RequestTarget.Pool(userPoolId), body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                body.WriteString("JobName", jobName);
                body.WriteString("CloudWatchLogsRoleArn", cloudWatchLogsRoleArn);
            }, ReadJob, cancellationToken);

        public Task<UserImportJobRecord> StartUserImportJobAsync(string userPoolId, string jobId, CancellationToken cancellationToken) =>
            JobCallAsync(CognitoOperation.StartUserImportJob, userPoolId, jobId, cancellationToken);

        public Task<UserImportJobRecord> StopUserImportJobAsync(string userPoolId, string jobId, CancellationToken cancellationToken) =>
            JobCallAsync(CognitoOperation.StopUserImportJob, userPoolId, jobId, cancellationToken);

        public Task<UserImportJobRecord> DescribeUserImportJobAsync(string userPoolId, string jobId, CancellationToken cancellationToken) =>
            JobCallAsync(CognitoOperation.DescribeUserImportJob, userPoolId, jobId, cancellationToken);

        /// <summary>One ListUserImportJobs page (MaxResults 1–60).</summary>
        public Task<Page<UserImportJobRecord>> ListUserImportJobsAsync(string userPoolId, int maxResults, string? paginationToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.ListUserImportJobs, RequestTarget.Pool(userPoolId), body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                body.WriteNumber("MaxResults", maxResults);
                if (paginationToken != null)
                {
                    body.WriteString("PaginationToken", paginationToken);
                }
            }, reply => new Page<UserImportJobRecord>(Json.List(reply, "UserImportJobs", UserImportJobRecord.Read), Json.NonEmptyString(reply, "PaginationToken")), cancellationToken);

        /// <summary>
        /// PUTs the import file to the job's pre-signed URL, streamed, with the header the URL was signed for
        /// (x-amz-server-side-encryption: aws:kms; without it S3 answers 403 SignatureDoesNotMatch). S3's refusal is a
        /// <see cref="CognitoServiceException"/> named by S3's error code.
        /// </summary>
        public async Task UploadImportFileAsync(Uri preSignedUrl, Stream content, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, preSignedUrl) { Content = new StreamContent(content) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            request.Headers.TryAddWithoutValidation("x-amz-server-side-encryption", "aws:kms");
            Raise(MessageLevel.Verbose, $"Uploading the import file to {preSignedUrl.Host}.");
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new CognitoConnectionException($"The upload of the import file could not reach {preSignedUrl.Host}: {ex.Message}", ex, requestSent: true);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    var code = Regex.Match(text, "<Code>([^<]+)</Code>").Groups[1].Value;
                    var message = Regex.Match(text, "<Message>([^<]+)</Message>").Groups[1].Value;
                    var requestId = response.Headers.TryGetValues("x-amz-request-id", out var ids) ? ids.FirstOrDefault() : null;
                    throw new CognitoServiceException(code.Length > 0 ? code : "UploadFailed",
                        $"{preSignedUrl.Host} refused the import file (HTTP {(int)response.StatusCode}): {(message.Length > 0 ? message : text.Trim())}", response.StatusCode, requestId);
                }
            }
        }

        private Task<UserImportJobRecord> JobCallAsync(CognitoOperation operation, string userPoolId, string jobId, CancellationToken cancellationToken) =>
            CallAsync(operation, RequestTarget.ImportJob(userPoolId, jobId), body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                body.WriteString("JobId", jobId);
            }, ReadJob, cancellationToken);

        private static UserImportJobRecord ReadJob(System.Text.Json.JsonElement reply) =>
            reply.TryGetProperty("UserImportJob", out var job) && job.ValueKind == System.Text.Json.JsonValueKind.Object
                ? UserImportJobRecord.Read(job)
                : throw new CognitoServiceException("MalformedReply", "The answer has no UserImportJob object.", System.Net.HttpStatusCode.OK, null);
    }
}
