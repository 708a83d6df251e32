/** Tests of the tenancy pages. */
package dev.bazaar.tenancy.web;
