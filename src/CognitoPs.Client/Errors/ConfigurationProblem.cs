namespace CognitoPs.Client
{
    /// <summary>What is wrong with a setting, for the error map to turn into a category.</summary>
    public enum ConfigurationProblem
    {
        /// <summary>A value that is not what it should be (a region name, an endpoint URL), or parameters that conflict.</summary>
        InvalidSetting,

        /// <summary>A value that would be unsafe to use (plain http to another machine).</summary>
        UnsafeSetting,

        /// <summary>Something named that does not exist (a profile).</summary>
        NotFound,

        /// <summary>No usable credentials, or credentials refused.</summary>
        Authentication,

        /// <summary>Credentials that may not do what was asked (assume a role, use an IAM Identity Center role).</summary>
        PermissionDenied,

        /// <summary>A service the credentials come from (STS, the IAM Identity Center portal) could not be reached.</summary>
        Unreachable,
    }
}
