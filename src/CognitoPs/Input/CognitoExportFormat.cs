namespace CognitoPs.Commands
{
    /// <summary>How Export-CognitoUser writes users.</summary>
    public enum CognitoExportFormat
    {
        /// <summary>One row per user: Username, Status, Enabled, Created, Modified, one column per attribute (and Groups).</summary>
        Csv,

        /// <summary>A JSON array of users, each with its attributes (and groups).</summary>
        Json,

        /// <summary>Exactly the columns GetCSVHeader names: a file Import-CognitoUser (a Cognito import job) takes as it is.</summary>
        CognitoImport,
    }
}
