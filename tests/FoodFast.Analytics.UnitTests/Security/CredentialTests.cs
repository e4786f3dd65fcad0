using FoodFast.Analytics.Api.Security.Authentication;
using Microsoft.AspNetCore.Http;

namespace FoodFast.Analytics.UnitTests.Security;

public sealed class CredentialTests
{
    [Theory]
    [InlineData("Authorization", "ApiKey ffk_abc", CredentialKind.ApiKey, "ffk_abc")]
    [InlineData("Authorization", "apikey  ffk_abc ", CredentialKind.ApiKey, "ffk_abc")]
    [InlineData("Authorization", "Bearer ffk_abc", CredentialKind.ApiKey, "ffk_abc")]
    [InlineData("Authorization", "Bearer aaa.bbb.ccc", CredentialKind.Jwt, "aaa.bbb.ccc")]
    [InlineData("X-Api-Key", "ffk_abc", CredentialKind.ApiKey, "ffk_abc")]
    public void Reads_each_accepted_form(string header, string value, CredentialKind kind, string expected)
    {
        var headers = new HeaderDictionary { [header] = value };

        Assert.Equal(new Credential(kind, expected), Credential.Read(headers));
    }

    [Theory]
    [InlineData("Authorization", "Basic dXNlcjpwYXNz")]
    [InlineData("Authorization", "ApiKey ")]
    [InlineData("Authorization", "Bearer")]
    [InlineData("X-Api-Key", " ")]
    [InlineData("Accept", "ApiKey ffk_abc")]
    public void Anything_else_is_no_credential(string header, string value) =>
        Assert.Null(Credential.Read(new HeaderDictionary { [header] = value }));
}
