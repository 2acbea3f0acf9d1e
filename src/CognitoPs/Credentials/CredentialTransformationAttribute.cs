using System;
using System.Management.Automation;

namespace CognitoPs
{
    /// <summary>
    /// -Credential's conversion (see <see cref="CredentialInput"/>). A bare access key id asks for its secret, as a
    /// PSCredential parameter asks for a password, where someone can answer. The message never quotes the value: it may
    /// hold a secret.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class CredentialTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            try
            {
                if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string accessKeyId && InteractiveSession.Allows(engineIntrinsics.Host))
                {
                    return CredentialInput.From(engineIntrinsics.Host.UI.PromptForCredential(
                        "AWS credentials", $"The secret access key of {accessKeyId}:", accessKeyId, ""));
                }

                return CredentialInput.From(inputData);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }
}
