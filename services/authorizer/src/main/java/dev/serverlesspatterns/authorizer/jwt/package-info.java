/** What issuing and verifying access tokens share: the HS256 signing key and the claims this service writes. */
package dev.serverlesspatterns.authorizer.jwt;
