namespace CognitoPs.Client
{
    /// <summary>Cognito's ResourceNotFoundException for an import job id that a pool that exists does not have.</summary>
    public sealed class ImportJobNotFoundException : CognitoServiceException
    {
        public ImportJobNotFoundException(string jobId, string userPoolId, CognitoServiceException answer)
            : base(answer.ErrorCode, $"Import job '{jobId}' does not exist in user pool '{userPoolId}' ({answer.Message}).", answer.StatusCode, answer.RequestId)
            => JobId = jobId;

        public string JobId { get; }
    }
}
