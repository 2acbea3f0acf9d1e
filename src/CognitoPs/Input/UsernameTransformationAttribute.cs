namespace CognitoPs
{
    /// <summary>A user name, or an object with a Username (or alias) property.</summary>
    internal sealed class UsernameTransformationAttribute : NameTransformationAttribute
    {
        public UsernameTransformationAttribute(params string[] propertyNames)
            : base("user name", propertyNames)
        {
        }
    }
}
