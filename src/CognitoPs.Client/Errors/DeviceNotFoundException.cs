namespace CognitoPs.Client
{
    /// <summary>
    /// Cognito's ResourceNotFoundException for a request about a device in a pool that exists: the device is unknown or
    /// already forgotten. (Cognito uses the one code for a missing pool and a missing device; the client asks which.)
    /// </summary>
    public sealed class DeviceNotFoundException : CognitoServiceException
    {
        public DeviceNotFoundException(string deviceKey, string username, string userPoolId, CognitoServiceException answer)
            : base(answer.ErrorCode, $"Device '{deviceKey}' of user '{username}' does not exist in user pool '{userPoolId}' ({answer.Message}).", answer.StatusCode, answer.RequestId)
            => DeviceKey = deviceKey;

        public string DeviceKey { get; }
    }
}
