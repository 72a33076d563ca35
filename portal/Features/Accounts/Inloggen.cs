using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace SocialeKaart.Portal.Features.Accounts;

/// <summary>
/// Login and logout for staff and organisations. Every login attempt costs exactly one password hash check — for an
/// unknown address, a locked or deactivated account, a wrong and a right password alike — so the time an answer takes
/// never tells a stranger whether an account exists. Logout ends every session of the account, not only the cookie
/// of this browser: the security stamp changes, and the cookie handler checks it on every request
/// (<see cref="AccountsServices"/>).
/// </summary>
public sealed class Inloggen(UserManager<Gebruiker> users, SignInManager<Gebruiker> signIn, IPasswordHasher<Gebruiker> hasher)
{
    // A hash of a random password with the same hasher (and so the same PBKDF2 work) as real accounts, made once.
    private static string? _schijnHash;

    /// <summary>Logs in; the start page of the account's role, or null when the login failed.</summary>
    public async Task<string?> InloggenAsync(string email, string wachtwoord)
    {
        var gebruiker = await users.FindByEmailAsync(email);
        if (gebruiker is null || await users.IsLockedOutAsync(gebruiker))
        {
            var schijn = _schijnHash ??= hasher.HashPassword(new Gebruiker(), RandomNumberGenerator.GetHexString(32));
            hasher.VerifyHashedPassword(new Gebruiker(), schijn, wachtwoord);
            return null;
        }

        var result = await signIn.PasswordSignInAsync(gebruiker, wachtwoord, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? Rollen.StartPagina([.. await users.GetRolesAsync(gebruiker)]) : null;
    }

    /// <summary>Signs this browser out and ends every other session of the same account.</summary>
    public async Task UitloggenAsync(System.Security.Claims.ClaimsPrincipal wie)
    {
        if (await users.GetUserAsync(wie) is { } gebruiker)
        {
            await users.UpdateSecurityStampAsync(gebruiker);
        }

        await signIn.SignOutAsync();
    }
}
