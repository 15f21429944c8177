using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Screenplay.Web.Tests;

/// <summary>bUnit context for the app's components: plain forms render their antiforgery field with a known token.</summary>
public abstract class ComponentTestContext : BunitContext
{
    public const string Token = "test-antiforgery-token";

    protected ComponentTestContext()
    {
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, TestClient.AntiforgeryField);
    }
}
