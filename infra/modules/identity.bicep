// The user-assigned managed identity the function app runs as: the Functions host (AzureWebJobsStorage,
// Application Insights) and the app's own Blob/Queue clients all authenticate with it.

param location string
param tags object
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
