namespace CognitoPs.Commands
{
    /// <summary>How Cognito sends an invitation.</summary>
    public enum CognitoDeliveryMedium
    {
        Email,
        SMS,
    }
}
