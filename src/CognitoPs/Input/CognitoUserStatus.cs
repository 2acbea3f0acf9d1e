namespace CognitoPs
{
    /// <summary>The statuses Cognito reports (UserStatusType); an enum so that -Status tab-completes.</summary>
    public enum CognitoUserStatus
    {
        UNCONFIRMED,
        CONFIRMED,
        ARCHIVED,
        UNKNOWN,
        RESET_REQUIRED,
        FORCE_CHANGE_PASSWORD,
        EXTERNAL_PROVIDER,
    }
}
